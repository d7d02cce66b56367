// include_dir! embeds the migrations and the locales at compile time, but cargo only reruns
// the embedding when it is told which folders matter.
fn main() {
    println!("cargo:rerun-if-changed=src/db/migrations");
    println!("cargo:rerun-if-changed=locales");
}
