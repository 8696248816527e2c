//! Writes the widget's static first screen, one file per language:
//! `smp-first-screen <i18n folder> <out folder>` reads every `<lang>.json`
//! in the first and writes `<lang>.html` into the second. Run by
//! scripts/package-embed.mjs (see `smp_widget::first_screen`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::rc::Rc;

    use smp_engine::Catalogue;

    let arguments: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [folder, out] = arguments.as_slice() else {
        eprintln!("usage: smp-first-screen <i18n folder> <out folder>");
        return std::process::ExitCode::from(2);
    };
    let run = || -> Result<(), String> {
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        for file in files {
            let language = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let value =
                smp_engine::json::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let read = Catalogue::read(language, &value)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            if !read.skipped.is_empty() {
                return Err(format!(
                    "{}: messages that do not read: {:?}",
                    file.display(),
                    read.skipped
                ));
            }
            let html = smp_widget::first_screen::render(Rc::new(read.catalogue));
            let target = out.join(format!("{language}.html"));
            std::fs::write(&target, html).map_err(|e| format!("{}: {e}", target.display()))?;
        }
        Ok(())
    };
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("smp-first-screen: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
