//! The command line as people type it: options may stand anywhere among
//! the query's words (`ringq check assigned_to_me:yes --format json
//! status_in:new`).
//!
//! A query's words may start with `-` (`-status_in:replied`), so the query
//! argument takes values that look like options, and clap then reads every
//! token after the first word as part of the query. Before clap reads the
//! line, the known options (with their values) are therefore moved in front
//! of the words, keeping the order of both; anything after a `--`
//! separator stays where it is, and an unknown `--word` stays among the
//! words, where `reject_mistyped_option` names it.

use std::ffi::OsString;

use clap::Command;

/// `args` (the program name first) with each known option of the
/// subcommand it belongs to, and its value, moved before the first word.
pub fn options_first(command: &Command, args: Vec<OsString>) -> Vec<OsString> {
    let mut tokens = args.into_iter();
    let mut out: Vec<OsString> = tokens.next().into_iter().collect();
    let (mut options, mut words) = (Vec::new(), Vec::new());
    let mut current = command;
    while let Some(token) = tokens.next() {
        let Some(text) = token.to_str() else {
            words.push(token);
            continue;
        };
        if text == "--" {
            words.push(token);
            words.extend(tokens.by_ref());
            break;
        }
        match known_option(current, text) {
            Some(takes_value) => {
                options.push(token);
                if takes_value {
                    options.extend(tokens.next());
                }
            }
            None => {
                // The subcommand, perhaps after global options (`ringq --tz X
                // check q`).
                if words.is_empty() {
                    if let Some(sub) = current.find_subcommand(text) {
                        current = sub;
                        out.append(&mut options);
                        out.push(token);
                        continue;
                    }
                }
                words.push(token);
            }
        }
    }
    out.append(&mut options);
    out.append(&mut words);
    out
}

/// Whether `token` is one of `command`'s options (`--name`, `--name=value`
/// or an exact short `-o`), and if so whether its value is the next token.
fn known_option(command: &Command, token: &str) -> Option<bool> {
    let (long, short) = match token.strip_prefix("--") {
        Some(rest) if !rest.is_empty() => (Some(rest), None),
        Some(_) => return None,
        None => {
            let mut chars = token.strip_prefix('-')?.chars();
            let short = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            (None, Some(short))
        }
    };
    let (name, inline) = match long {
        Some(rest) => match rest.split_once('=') {
            Some((name, _)) => (Some(name), true),
            None => (Some(rest), false),
        },
        None => (None, false),
    };
    let arg = command
        .get_arguments()
        .find(|arg| name.is_some_and(|n| arg.get_long() == Some(n)) || (short.is_some() && arg.get_short() == short))?;
    Some(arg.get_action().takes_values() && !inline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reordered(line: &str) -> String {
        let mut command = clap::Command::new("ringq").arg(clap::Arg::new("tz").long("tz").global(true)).subcommand(
            clap::Command::new("check")
                .arg(clap::Arg::new("format").long("format"))
                .arg(clap::Arg::new("lenient").long("lenient").action(clap::ArgAction::SetTrue))
                .arg(clap::Arg::new("out").short('o'))
                .arg(clap::Arg::new("query").num_args(0..).allow_hyphen_values(true)),
        );
        command.build();
        let args = line.split(' ').map(OsString::from).collect();
        let out = options_first(&command, args);
        out.iter().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn options_move_before_the_words_in_order() {
        let cases = [
            ("ringq check a --format json b", "ringq check --format json a b"),
            ("ringq check a --format=json -b --lenient", "ringq check --format=json --lenient a -b"),
            ("ringq --tz UTC check a --tz X", "ringq --tz UTC check --tz X a"),
            ("ringq check -status_in:new -o f", "ringq check -o f -status_in:new"),
            ("ringq check a --josn b", "ringq check a --josn b"),
            ("ringq check a -- --format json", "ringq check a -- --format json"),
            ("ringq check check", "ringq check check"),
            ("ringq check --format", "ringq check --format"),
        ];
        for (line, expected) in cases {
            assert_eq!(reordered(line), expected, "{line}");
        }
    }
}
