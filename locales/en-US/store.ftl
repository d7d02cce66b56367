# The store (src/db, src/chain.rs, src/output.rs, src/input.rs): what the start-up checks and
# `huzhu check` find, the ledgers' check code, and the guards on the files the app writes and reads.
store-object-table = table
store-object-index = index
store-object-trigger = trigger
store-object-view = view
store-problem-page = page damage: { $detail }
store-problem-missing = { $object } { $name } is missing
store-problem-altered = { $object } { $name } differs from what Huzhu made
store-problem-unexpected = { $object } { $name } was added outside Huzhu
store-problem-foreign-keys = { $count } records point at records that do not exist
store-problem-chain-cash = cash book: voucher { $row } does not match the ledger's seal (it, or an entry before it, was changed outside Huzhu)
store-problem-chain-time = time bank: entry { $row } does not match the ledger's seal (it, or an entry before it, was changed outside Huzhu)
store-problem-chain-audit = audit log: row { $row } does not match the log's seal (it, or a row before it, was changed outside Huzhu)
store-problem-unreadable = a check could not be run: { $detail }
store-chain-code = Ledger check code { $code }
error-output-protected = Will not write to "{ $path }": it is the database, one of its working files or a backup. Choose another file name.
error-output-exists = "{ $path }" already exists. Choose another name, or add --force to replace it.
error-output-folder = "{ $path }" is a folder; give a file name.
error-input-unreadable = Cannot read the file "{ $path }"; check the location.
error-input-not-a-file = "{ $path }" is not an ordinary file (a folder, a device or a pipe); choose the file itself.
error-input-too-large = "{ $path }" is too large to be this kind of file (more than { $max } KB).
