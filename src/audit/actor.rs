//! Who is acting: a name, the role that decides what they may do, and (for a large payment) the
//! second person who approved it with their own PIN.

use crate::kernel::choice::choice;

choice! {
    /// What a person who signs in may do (see `permissions`).
    Role {
        /// 会长: everything, users and approvals included.
        Chair = "chair" / "role-chair" ["会长"],
        /// 秘书: register, rotas, welfare, time bank, printing, reports; money up to the approval amount.
        Secretary = "secretary" / "role-secretary" ["秘书"],
        /// 会计: the cash book, dues, receipts, statements.
        Accountant = "accountant" / "role-accountant" ["会计"],
        /// 出纳: the cash book, dues, receipts, statements.
        Cashier = "cashier" / "role-cashier" ["出纳"],
        /// 查看: reads and prints, sees masked data only.
        Viewer = "viewer" / "role-viewer" ["查看"],
    }
}

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
    /// The second user who approved this action with their PIN (two people on a large payment).
    /// Set only by `access::approval`, after checking that PIN.
    pub approver: Option<String>,
}

impl Actor {
    /// The actor before anyone signs in: no user exists yet, so the app works as it always did,
    /// the configured secretary (or a neutral word) acting with the chair's rights.
    pub fn new(name: impl Into<String>) -> Actor {
        let name = name.into();
        Actor { name: if name.trim().is_empty() { "secretary".into() } else { name }, role: Role::Chair, approver: None }
    }

    /// A signed-in user. Only the CLI and the shell make these, after checking the PIN.
    pub fn user(name: impl Into<String>, role: Role) -> Actor {
        Actor { name: name.into(), role, approver: None }
    }

    /// This actor with `approver`'s approval (checked by the caller).
    pub fn approved_by(&self, approver: impl Into<String>) -> Actor {
        Actor { approver: Some(approver.into()), ..self.clone() }
    }
}
