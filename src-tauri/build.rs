// Listing the commands in the app manifest makes Tauri generate an `allow-<command>` permission
// for each and refuse any command that capabilities/ does not grant (the pattern of Tauri's own
// examples/api). The names come from src/command_list.rs, the one list; the grants in
// capabilities/default.json are written from it here, so the two cannot drift apart.

include!("src/command_list.rs");

macro_rules! names {
    ($($area:ident :: $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty;)*) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = command_list!(names);

/// The capability file granting the main window exactly the listed commands.
fn capability() -> String {
    let grants: Vec<String> = COMMANDS.iter().map(|c| format!("    \"allow-{}\"", c.replace('_', "-"))).collect();
    format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "default",
  "description": "Written by build.rs from src/command_list.rs: the main window may call the app's own commands and nothing else (no file system, shell or network plugins).",
  "windows": ["main"],
  "permissions": [
{}
  ]
}}
"#,
        grants.join(",\n")
    )
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    let path = std::path::Path::new("capabilities/default.json");
    let wanted = capability();
    if std::fs::read_to_string(path).ok().as_deref() != Some(wanted.as_str()) {
        if let Err(e) = std::fs::write(path, &wanted) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    if let Err(e) = tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    ) {
        // try_build's error says which file or permission is wrong; show it and stop.
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
