#!/usr/bin/env python3
"""Runs one golden CLI test: input files, commands, and their exact expected output.

A .test file holds, in order:
  <<< NAME          the lines up to ">>>" are written to the file NAME (in a fresh folder,
                    at that point of the test: a later block replaces the file)
  <<< NAME < PATH   copies PATH (relative to tests/, e.g. fixtures/xero/invoices.csv) to
                    NAME, byte for byte: for real exports, binary ones included
  $ kindly ARGS     a command, run in that folder with KINDLY_DB=kindly.db
  $ cat FILE        prints a file the commands wrote (exit status 0)
  $ grep ARGS       the lines of written files that match, as grep prints them
  $ ls              the files in the folder, one per line: what the commands left behind
  $ rm FILE         removes a file, as a person tidying a batch would
  text              expected standard output, line by line
  ! text            an expected standard error line
  ? N               the expected exit status; ends the command
Lines starting with "#" outside input blocks are comments. Commands share the folder, so
later commands see the ledger and files the earlier ones wrote.

Usage: run_golden.py [--update] KINDLY_BINARY FILE.test
  --update rewrites the file with the output the commands give now: review the diff.
"""

import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse(path):
    steps = []
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    current = None
    while i < len(lines):
        line = lines[i]
        if line.startswith("<<< ") and " < " in line:
            name, source = (part.strip() for part in line[4:].split(" < ", 1))
            steps.append({"file": name, "copy": source})
        elif line.startswith("<<< "):
            name, body = line[4:].strip(), []
            i += 1
            while lines[i] != ">>>":
                body.append(lines[i])
                i += 1
            steps.append({"file": name, "body": "\n".join(body) + "\n"})
        elif line.startswith("$ "):
            current = {"args": shlex.split(line[2:]), "out": [], "err": [], "status": None}
            steps.append(current)
        elif line.startswith("? "):
            current["status"] = int(line[2:])
            current = None
        elif current is not None:
            if line.startswith("! "):
                current["err"].append(line[2:])
            else:
                current["out"].append(line)
        elif line.startswith("#") or not line.strip():
            steps.append({"comment": line})
        else:
            sys.exit(f"{path}:{i + 1}: text outside a command: {line!r}")
        i += 1
    return steps


def render(steps):
    lines = []
    for step in steps:
        if "comment" in step:
            lines.append(step["comment"])
        elif "copy" in step:
            lines.append(f"<<< {step['file']} < {step['copy']}")
        elif "file" in step:
            body = step["body"][:-1]
            lines += ["<<< " + step["file"]] + (body.split("\n") if body else []) + [">>>"]
        else:
            lines.append("$ " + " ".join(shlex.quote(a) for a in step["args"]))
            lines += step["out"] + ["! " + e for e in step["err"]] + [f"? {step['status']}"]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def main():
    update = sys.argv[1] == "--update"
    if update:
        del sys.argv[1]
    kindly, path = os.path.abspath(sys.argv[1]), sys.argv[2]
    steps = parse(path)
    failures = commands = 0
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, KINDLY_DB="kindly.db", TZ="UTC", KINDLY_TODAY="2026-11-20")
        for command in steps:
            if "comment" in command:
                continue
            if "copy" in command:
                shutil.copyfile(os.path.join(TESTS, command["copy"]),
                                os.path.join(folder, command["file"]))
                continue
            if "file" in command:
                with open(os.path.join(folder, command["file"]), "w", encoding="utf-8",
                          newline="") as f:
                    f.write(command["body"])
                continue
            commands += 1
            args = command["args"]
            if args[0] in ("cat", "grep", "ls", "rm"):
                run = subprocess.run(args, cwd=folder, capture_output=True, text=True)
            elif args[0] == "kindly":
                run = subprocess.run([kindly] + args[1:], cwd=folder, env=env,
                                     capture_output=True, text=True)
            else:
                sys.exit(f"{path}: commands are kindly, cat, grep, ls or rm: {args}")
            shown = " ".join(args)
            got_out = run.stdout.split("\n")[:-1] if run.stdout else []
            got_err = run.stderr.split("\n")[:-1] if run.stderr else []
            if update:
                command.update(out=got_out, err=got_err, status=run.returncode)
                continue
            for what, want, got in (("stdout", command["out"], got_out),
                                    ("stderr", command["err"], got_err)):
                if want != got:
                    failures += 1
                    print(f"FAIL {shown}: {what} differs")
                    sys.stdout.writelines(
                        d + "\n" for d in difflib.unified_diff(want, got, "expected", "got",
                                                              lineterm=""))
            if run.returncode != command["status"]:
                failures += 1
                print(f"FAIL {shown}: exit status {run.returncode}, expected "
                      f"{command['status']}")
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(render(steps))
        print(f"updated: {path}")
        return
    if failures:
        sys.exit(1)
    print(f"ok: {commands} commands")


if __name__ == "__main__":
    main()
