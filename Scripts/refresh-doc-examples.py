#!/usr/bin/env python3
"""Rewrites the outputs of the examples in Docs/*.md from the built plankit.

A ```pkq block followed by an ```output block: the query is run on Examples/pst-citoyennete.tsv.
A ```console block: its first line `$ plankit …` is run from the repository root and the rest
of the block is replaced by what it printed (standard output, then standard error).
The tests compare the same things, so run this after changing behaviour, then review the diff.
"""
import pathlib, re, shlex, subprocess, sys, os

root = pathlib.Path(__file__).resolve().parent.parent
binary = os.environ.get("PLANKIT_BIN", str(root / ".build/debug/plankit"))
seed = "Examples/pst-citoyennete.tsv"
env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}

def run(args):
    r = subprocess.run([binary] + args, cwd=root, capture_output=True, text=True, env=env)
    return r.stdout + r.stderr

for doc in sorted((root / "Docs").glob("*.md")) + [root / "README.md"]:
    text = doc.read_text()
    def pkq(m):
        query = m.group(1).strip()
        return "```pkq\n" + query + "\n```\n\n```output\n" + run(["query", query, seed]) + "```"
    text = re.sub(r"```pkq\n(.*?)\n```\n\n```output\n.*?```", pkq, text, flags=re.S)
    def console(m):
        line = m.group(1)
        return "```console\n" + line + "\n" + run(shlex.split(line[2:])[1:]) + "```"
    text = re.sub(r"```console\n(\$ plankit [^\n]*)\n.*?```", console, text, flags=re.S)
    doc.write_text(text)
    print("refreshed", doc.relative_to(root))
