#!/bin/sh
# readme-commands.sh [-s|-j] [-t] README HEADING [BLOCK...] - the shell
# commands a README section shows, for CI to run exactly as written.
#
# HEADING is a heading line of README exactly as written there ("## Quick
# start", "### Debian and Ubuntu packages"); its section ends at the next
# heading of the same or a higher level.  The ```sh fenced blocks of that
# section are numbered from 1; BLOCK... picks some of them, in the order
# given (default: all, in order).  Each command (a line, with any lines it
# continues with a trailing backslash) is printed as it is written; blank
# lines and comment lines are dropped.  With -j a command continued over
# several lines is printed on one (each backslash-newline becomes a space).
#
# With -t README is plain text (mingw/README-windows.txt): HEADING is how a
# line starts, the blocks are the runs of lines indented by two spaces or
# more that follow it (blank lines between them), and the section ends at
# the next line that is not indented.
#
# With -s the output is a bash script instead: every command verbatim, each
# followed by a check that stops the script with the command's own status
# if it failed (set -e does not: it ignores a failure before the last `&&`
# of a list), preceded by an echo of it ("+ COMMAND") and followed by its
# status and time ("+ (exit 0 after 12s)"), so a log shows what ran and how
# long it took.  The script runs in one shell, so a `cd` in one command
# holds for the next, as it would for a user typing them.
#
# Exit status 1 if the heading is missing, a block number does not exist,
# or the picked blocks have no command.
set -eu

script=no
join=no
plain=no
while :; do
  case ${1:-} in
    -s) script=yes; shift ;;
    -j) join=yes; shift ;;
    -t) plain=yes; shift ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { echo "usage: $0 [-s|-j] [-t] README HEADING [BLOCK...]" >&2; exit 2; }
readme=$1
heading=$2
shift 2
[ -r "$readme" ] || { echo "$0: cannot read $readme" >&2; exit 1; }

awk -v heading="$heading" -v picks="$*" -v script="$script" -v join="$join" -v plain="$plain" '
  function level(line) { match(line, /^#+/); return RLENGTH }
  BEGIN {
    wanted = level(heading)
    n_picks = split(picks, pick, " ")
    for (i = 1; i <= n_picks; i++)
      if (pick[i] !~ /^[1-9][0-9]*$/) { print "readme-commands: bad block number " pick[i] > "/dev/stderr"; exit 2 }
  }
  # Plain text: the indented runs after the line that starts with HEADING.
  plain == "yes" {
    if (!found) { if (index($0, heading) == 1) { found = 1; in_section = 1 }; next }
    if (!in_section) next
    if ($0 ~ /^  +[^ ]/) {
      if (!collecting) { collecting = 1; blocks++; lines[blocks] = 0 }
      sub(/^  +/, "")
    } else if ($0 ~ /^[ \t]*$/) {
      collecting = 0; next
    } else {
      if (blocks > 0) in_section = 0
      collecting = 0; next
    }
  }
  # Headings (outside fenced blocks): enter or leave the section.
  plain != "yes" && !fenced && /^#+ / {
    if (in_section && level($0) <= wanted) in_section = 0
    if ($0 == heading) { in_section = 1; found = 1 }
    next
  }
  plain != "yes" && /^```/ {
    if (!fenced) {
      fenced = 1
      if (in_section && $0 ~ /^```(sh|bash|shell|console)?[ \t]*$/ && $0 != "```") {
        collecting = 1; blocks++; lines[blocks] = 0
      }
    } else {
      fenced = 0; collecting = 0
    }
    next
  }
  collecting {
    # Join continuation lines into one command.
    if (pending != "") { cmd = pending "\n" $0 } else { cmd = $0 }
    if (cmd ~ /\\$/) { pending = cmd; next }
    pending = ""
    if (cmd ~ /^[ \t]*(#.*)?$/) next
    lines[blocks]++
    text[blocks, lines[blocks]] = cmd
  }
  END {
    if (!found) { print "readme-commands: no heading \"" heading "\"" > "/dev/stderr"; exit 1 }
    if (n_picks == 0) for (i = 1; i <= blocks; i++) pick[++n_picks] = i
    if (script == "yes") print "#!/bin/bash\n# The commands of \"" heading "\", verbatim (dist-build/readme-commands.sh)."
    total = 0
    for (p = 1; p <= n_picks; p++) {
      b = pick[p]
      if (b > blocks) { print "readme-commands: \"" heading "\" has " blocks " shell block(s), not " b > "/dev/stderr"; exit 1 }
      for (i = 1; i <= lines[b]; i++) {
        cmd = text[b, i]
        total++
        if (join == "yes") gsub(/\\\n[ \t]*/, " ", cmd)
        if (script != "yes") { print cmd; continue }
        quoted = cmd
        gsub(/\047/, "\047\\\047\047", quoted)
        print "printf \"+ %s\\n\" \047" quoted "\047"
        print "readme_started=$SECONDS"
        print cmd
        print "readme_status=$?; echo \"+ (exit $readme_status after $((SECONDS - readme_started))s)\""
        print "[ \"$readme_status\" = 0 ] || { echo \"README command failed, exit $readme_status\" >&2; exit \"$readme_status\"; }"
      }
    }
    if (total == 0) { print "readme-commands: no commands under \"" heading "\"" > "/dev/stderr"; exit 1 }
  }
' "$readme"
