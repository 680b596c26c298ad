#!/usr/bin/env python3
"""Rewrites the outputs of the examples in Docs/*.md from the built plankit.

A ```pkq block followed by an ```output block: the query is run on Examples/pst-citoyennete.tsv,
with 1 July 2021 as today. A ```console block: its first line `$ plankit …` (maybe after
`NAME=value` words, its environment) is run from the repository root and the rest of the block
is replaced by what it printed (standard output, then standard error).
The tests compare the same things, so run this after changing behaviour, then review the diff.
"""
import pathlib, re, shlex, subprocess, sys, os

root = pathlib.Path(__file__).resolve().parent.parent
binary = os.environ.get("PLANKIT_BIN", str(root / ".build/debug/plankit"))
seed = "Examples/pst-citoyennete.tsv"
env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}

def run(args, environment={}):
    r = subprocess.run([binary] + args, cwd=root, capture_output=True, text=True, env={**env, **environment})
    return r.stdout + r.stderr

for doc in sorted((root / "Docs").glob("*.md")) + [root / "README.md"]:
    text = doc.read_text()
    def pkq(m):
        query = m.group(1).strip()
        return "```pkq\n" + query + "\n```\n\n```output\n" + run(["query", query, seed, "--today", "2021-07-01"]) + "```"
    text = re.sub(r"```pkq\n(.*?)\n```\n\n```output\n.*?```", pkq, text, flags=re.S)
    def console(m):
        line = m.group(1)
        words = shlex.split(line[2:])
        environment = {}
        while words and words[0] != "plankit" and "=" in words[0]:
            name, _, value = words.pop(0).partition("=")
            environment[name] = value
        return "```console\n" + line + "\n" + run(words[1:], environment) + "```"
    text = re.sub(r"```console\n(\$ (?:[A-Z_]+=\S* )*plankit [^\n]*)\n.*?```", console, text, flags=re.S)
    doc.write_text(text)
    print("refreshed", doc.relative_to(root))

# The DocC articles' ```swift snippets, with `--articles`: DocCArticleTests writes them into one
# program in .build-doctests/ (the tests are run here for that; their failures are expected
# while outputs are out of date); this builds and runs that program and writes what each
# snippet printed into the ```output block after it (adding one where a snippet that prints
# has none).
if "--articles" in sys.argv[1:]:
    scratch = root / ".build-doctests"
    subprocess.run(["swift", "test", "--filter", "DocCArticleTests"], cwd=root, capture_output=True)
    subprocess.run(["swift", "build", "--package-path", str(scratch)], cwd=root, check=True)
    r = subprocess.run([str(scratch / ".build/debug/Articles")], cwd=root, capture_output=True, text=True, check=True)
    outputs = {}
    for part in r.stdout.split("\x1esnippet ")[1:]:
        number, _, printed = part.partition("\n")
        outputs[int(number)] = printed.replace("\r\n", "\n")
    index = 0
    pages = [p for p in (root / "Sources").rglob("*.md") if ".docc/" in str(p)]
    for page in sorted(pages, key=lambda p: str(p.relative_to(root))):
        lines = page.read_text().split("\n")
        out, i = [], 0
        while i < len(lines):
            if lines[i] != "```swift":
                out.append(lines[i]); i += 1; continue
            end = i + 1
            while end < len(lines) and lines[end] != "```":
                end += 1
            code = lines[i + 1:end]
            out += lines[i:end + 1]
            i = end + 1
            if code and code[0].startswith("// swift-tools-version"):
                continue
            printed = outputs.get(index, ""); index += 1
            j = i
            while j < len(lines) and lines[j] == "":
                j += 1
            if j < len(lines) and lines[j] == "```output":
                close = j + 1
                while close < len(lines) and lines[close] != "```":
                    close += 1
                out += lines[i:j] + ["```output"] + printed.split("\n")[:-1] + ["```"]
                i = close + 1
            elif printed:
                out += ["", "```output"] + printed.split("\n")[:-1] + ["```"]
        page.write_text("\n".join(out))
        print("refreshed", page.relative_to(root))
