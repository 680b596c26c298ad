#!/usr/bin/env python3
"""Structure-aware fuzzing of the workbook reader through the built `plankit` executable.

Each input is a real workbook (the .xlsx and .ods fixtures) with one mutation: of the zip itself
(truncated, bits flipped, bytes overwritten or repeated), or of one XML part, re-zipped so that
the reader gets past the container (truncated, bits flipped, ranges cut or repeated, tags and
entities inserted, deep nesting, huge row and column numbers and dimensions, shared-string
indexes out of range, encodings and byte order marks, document types, cell types changed),
and now and then a zip bomb (a part inflating past the limit) or an archive of too many entries.

Every input must end with exit 0, 1 or 2, an exit 2 saying `error:` on standard error, within
the time limit and the memory limit; anything else is a finding, kept in OUT/findings with the
command's output.

Usage: Scripts/fuzz/workbook-mutate.py [--minutes 20] [--jobs 2] [--seed 1] [--binary PATH] [--out DIR]
"""
import argparse
import concurrent.futures
import io
import os
import random
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUERY = "plans select count(), sum(warnings)"
TIMEOUT = 20  # seconds per input
MEMORY = 4 << 30  # address space per input


def seeds():
    folder = os.path.join(ROOT, "Tests", "Fixtures", "workbooks")
    files = []
    for name in sorted(os.listdir(folder)):
        if name.endswith((".xlsx", ".ods")) and name not in ("million-rows.xlsx", "zip-bomb.xlsx", "many-entries.xlsx"):
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            # Zip archives only (password.xlsx is an OLE2 file).
            if zipfile.is_zipfile(io.BytesIO(data)):
                files.append((name, data))
    return files


def flip_bits(data, rng, count):
    data = bytearray(data)
    for _ in range(count):
        if data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


def xml_mutation(data, rng):
    """One mutation of an XML part's bytes, and its name."""
    n = len(data)
    kind = rng.choice([
        "truncate", "bitflip", "cut", "repeat", "nest", "huge-row", "huge-column", "dimension",
        "shared-index", "entity", "encoding", "bom", "doctype", "cell-type", "unclose", "tag-soup",
        "cdata", "style-index", "long-text", "attribute-soup",
    ])
    if kind == "truncate":
        return data[:rng.randrange(n + 1)], kind
    if kind == "bitflip":
        return flip_bits(data, rng, rng.choice([1, 2, 8, 64])), kind
    if kind == "cut":
        a = rng.randrange(n + 1); b = min(n, a + rng.randrange(1, 400))
        return data[:a] + data[b:], kind
    if kind == "repeat":
        a = rng.randrange(n + 1); b = min(n, a + rng.randrange(1, 4000))
        return data[:b] + data[a:b] * rng.choice([2, 10, 1000]) + data[b:], kind
    if kind == "nest":
        depth = rng.choice([40, 63, 64, 65, 200, 100000])
        i = data.find(b"<c ") if rng.random() < 0.5 else data.find(b"<row")
        i = i if i >= 0 else rng.randrange(n + 1)
        inner = b"<x>" * depth + b"text" + b"</x>" * depth
        return data[:i] + inner + data[i:], kind
    if kind == "huge-row":
        value = rng.choice([b"0", b"-1", b"1048577", b"99999999999999999999", b"4294967296", b"abc", b""])
        return data.replace(b'<row r="', b'<row r="' + value + b'" x="', rng.choice([1, 3, -1])), kind
    if kind == "huge-column":
        value = rng.choice([b"XFD1", b"ZZZZZ1", b"A0", b"A99999999999", b"$A$1", b"1A", b"", b"AAAA1"])
        return data.replace(b'<c r="', b'<c r="' + value + b'" x="', rng.choice([1, 5, -1])), kind
    if kind == "dimension":
        return data.replace(b"<dimension ref=\"", b"<dimension ref=\"A1:XFD1048576\" x=\"", 1), kind
    if kind == "shared-index":
        value = rng.choice([b"-1", b"999999999", b"18446744073709551616", b" 3 ", b"x", b""])
        i = data.find(b't="s"')
        if i < 0:
            return data.replace(b"<v>", b"<v>" + value, 1), kind
        j = data.find(b"<v>", i)
        k = data.find(b"</v>", j)
        if j < 0 or k < 0:
            return data, kind
        return data[:j + 3] + value + data[k:], kind
    if kind == "entity":
        entity = rng.choice([b"&#0;", b"&#xD800;", b"&#x110000;", b"&unknown;", b"&amp", b"&#;", b"&#x;", b"&#99999999999;",
                             b"&lt;", b"&#13;&#10;", b"_x000D_", b"_x005F_x000D_", b"_xZZZZ_", b"&"])
        i = data.find(b"</t>") if rng.random() < 0.7 else data.find(b"</v>")
        i = i if i >= 0 else rng.randrange(n + 1)
        return data[:i] + entity * rng.choice([1, 3, 1000]) + data[i:], kind
    if kind == "encoding":
        enc = rng.choice([b"ISO-8859-1", b"windows-1252", b"UTF-16", b"EBCDIC", b"utf-8"])
        if data.startswith(b"<?xml"):
            end = data.find(b"?>")
            return b'<?xml version="1.0" encoding="' + enc + b'"?>' + data[end + 2:], kind
        return b'<?xml version="1.0" encoding="' + enc + b'"?>' + data, kind
    if kind == "bom":
        bom = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
        if bom != b"\xef\xbb\xbf" and rng.random() < 0.5:
            try:
                return bom + data.decode("utf-8").encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"), kind
            except UnicodeDecodeError:
                pass
        return bom + data, kind
    if kind == "doctype":
        dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        end = data.find(b"?>")
        return data[:end + 2] + dtd + data[end + 2:], kind
    if kind == "cell-type":
        value = rng.choice([b"s", b"str", b"inlineStr", b"b", b"d", b"e", b"n", b"x", b""])
        return data.replace(b't="', b't="' + value + b'" y="', rng.choice([1, 10, -1])), kind
    if kind == "unclose":
        tag = rng.choice([b"</row>", b"</c>", b"</si>", b"</t>", b"</sheetData>", b"</table:table-row>", b"</table:table-cell>"])
        return data.replace(tag, b"", rng.choice([1, -1])), kind
    if kind == "tag-soup":
        soup = rng.choice([b"<", b">", b"</>", b"<a b>", b"<a b=c>", b"<a/ >", b"<?x", b"<!--", b"<![CDATA[", b"]]>",
                           b"<?v?>", b"<row/>", b"<c/>", b"<v/>", b"<is/>", b"<f>SUM(A1)</f>", b"\x00", b"\xff\xfe", b"\xc3"])
        i = rng.randrange(n + 1)
        return data[:i] + soup + data[i:], kind
    if kind == "cdata":
        i = data.find(b"</t>")
        i = i if i >= 0 else rng.randrange(n + 1)
        return data[:i] + b"<![CDATA[a<b>&c]]>" + data[i:], kind
    if kind == "style-index":
        value = rng.choice([b"-1", b"99999", b"18446744073709551616", b"x"])
        return data.replace(b' s="', b' s="' + value + b'" z="', rng.choice([1, -1])), kind
    if kind == "long-text":
        i = data.find(b"</t>")
        i = i if i >= 0 else rng.randrange(n + 1)
        return data[:i] + b"x" * rng.choice([70000, 1 << 20, 8 << 20]) + data[i:], kind
    # attribute-soup
    soup = rng.choice([b' r="', b" r=", b' ="x"', b' a="1" a="2"', b' xmlns:x="y"', b" \t\n", b' r="A1"r="B2"'])
    i = data.find(b"<c ")
    i = i + 2 if i >= 0 else rng.randrange(n + 1)
    return data[:i] + soup + data[i:], kind


def rezip(entries, rng, compress=True):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return out.getvalue()


def zip_bomb(rng):
    """A workbook whose sheet inflates past the 256 MiB limit (a few hundred kB zipped)."""
    size = rng.choice([257 << 20, 600 << 20])
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(head)
    chunk = b" " * (1 << 20)
    for _ in range(size >> 20):
        body += compressor.compress(chunk)
    body += compressor.compress(b"</sheetData></worksheet>") + compressor.flush()
    # A zip written by hand: the sheet's deflated bytes under a header that may lie about its size.
    claimed = rng.choice([size, 1000])
    crc = 0  # never checked: the limit stops the inflating first
    entries = [("[Content_Types].xml", b"<Types/>"),
               ("xl/workbook.xml", b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>'),
               ("xl/_rels/workbook.xml.rels", b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    # Append the bomb entry by hand (zipfile would inflate nothing, but would need the data).
    data = out.getvalue()
    central = data.index(b"PK\x01\x02")
    local_part, central_part = data[:central], data[central:]
    end = central_part.index(b"PK\x05\x06")
    directory, tail = central_part[:end], central_part[end:]
    name = b"xl/worksheets/sheet1.xml"
    offset = len(local_part)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(body), claimed & 0xFFFFFFFF, len(name), 0) + name + body
    record = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(body), claimed & 0xFFFFFFFF, len(name), 0, 0, 0, 0, 0, offset) + name
    count = struct.unpack("<H", tail[10:12])[0] + 1
    new_directory = directory + record
    new_tail = tail[:8] + struct.pack("<HHII", count, count, len(new_directory), offset + len(local)) + tail[20:]
    return local_part + local + new_directory + new_tail


def many_entries(rng):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        for i in range(rng.choice([10001, 20000])):
            z.writestr("e%d" % i, b"")
    return out.getvalue()


def mutate(seed_name, data, rng):
    """A mutated workbook, its file name and a description of the mutation."""
    extension = os.path.splitext(seed_name)[1]
    roll = rng.random()
    if roll < 0.004:
        return zip_bomb(rng), ".xlsx", "zip-bomb"
    if roll < 0.006:
        return many_entries(rng), ".xlsx", "many-entries"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        has_xml = any(i.filename.endswith((".xml", ".rels")) for i in z.infolist())
    if roll < 0.25 or not has_xml:
        kind = rng.choice(["truncate", "bitflip", "overwrite", "repeat"])
        if kind == "truncate":
            return data[:rng.randrange(len(data) + 1)], extension, "zip-truncate"
        if kind == "bitflip":
            return flip_bits(data, rng, rng.choice([1, 4, 32])), extension, "zip-bitflip"
        if kind == "overwrite":
            a = rng.randrange(len(data)); b = min(len(data), a + rng.randrange(1, 64))
            return data[:a] + bytes(rng.randrange(256) for _ in range(b - a)) + data[b:], extension, "zip-overwrite"
        a = rng.randrange(len(data)); b = min(len(data), a + rng.randrange(1, 2000))
        return data[:b] + data[a:b] + data[b:], extension, "zip-repeat"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    xml = [k for k, (name, _) in enumerate(entries) if name.endswith((".xml", ".rels"))]
    # The sheets and the shared strings most often, where the reading is.
    weighted = [k for k in xml if "sheet" in entries[k][0] or "content.xml" in entries[k][0] or "sharedStrings" in entries[k][0]] * 4 + xml
    k = rng.choice(weighted)
    mutated, kind = xml_mutation(entries[k][1], rng)
    entries[k] = (entries[k][0], mutated)
    if rng.random() < 0.05:
        # A part removed.
        del entries[rng.randrange(len(entries))]
        kind += "+part-removed"
    return rezip(entries, rng, compress=rng.random() < 0.9), extension, "%s:%s" % (entries[min(k, len(entries) - 1)][0], kind)


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_one(binary, work, index, seed, rng_seed, findings):
    rng = random.Random(rng_seed)
    name, data = seed
    mutated, extension, kind = mutate(name, data, rng)
    path = os.path.join(work, "input-%d%s" % (index, extension))
    with open(path, "wb") as f:
        f.write(mutated)
    start = time.time()
    try:
        result = subprocess.run([binary, "query", QUERY, path, "--format", "csv"], capture_output=True,
                                timeout=TIMEOUT, preexec_fn=limit)
        code, err = result.returncode, result.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, err = "timeout", ""
    elapsed = time.time() - start
    problem = None
    if code == "timeout":
        problem = "hang (more than %d s)" % TIMEOUT
    elif code not in (0, 1, 2):
        problem = "exit %s" % code
    elif code == 2 and "error:" not in err:
        problem = "exit 2 without an error message"
    elif "Fatal error" in err or "fatal error" in err:
        problem = "fatal error"
    if problem:
        kept = os.path.join(findings, "finding-%d%s" % (index, extension))
        shutil.copy(path, kept)
        with open(kept + ".txt", "w") as f:
            f.write("seed %s, mutation %s: %s\n%s\n" % (name, kind, problem, err[-4000:]))
    os.remove(path)
    first = err.strip().splitlines()[0] if err.strip() else ""
    # The message without its place and figures: its kind.
    message = first.split("error: ", 1)[-1][:60] if code == 2 else ""
    return code, kind.split(":")[-1], problem, elapsed, message


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "plankit"))
    parser.add_argument("--out", default=os.path.join(ROOT, ".build-fuzz", "workbook-mutate"))
    args = parser.parse_args()
    findings = os.path.join(args.out, "findings")
    os.makedirs(findings, exist_ok=True)
    work = tempfile.mkdtemp(prefix="workbook-fuzz-")
    pool = seeds()
    deadline = time.time() + args.minutes * 60
    counts, kinds, messages, problems = {}, {}, {}, []
    slowest = (0, "")
    index = 0
    master = random.Random(args.seed)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as executor:
        running = set()
        while time.time() < deadline or running:
            while time.time() < deadline and len(running) < args.jobs * 2:
                seed = pool[master.randrange(len(pool))]
                running.add(executor.submit(run_one, args.binary, work, index, seed, master.getrandbits(64), findings))
                index += 1
            done, running = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                code, kind, problem, elapsed, message = future.result()
                counts[code] = counts.get(code, 0) + 1
                kinds[kind] = kinds.get(kind, 0) + 1
                if message:
                    messages[message] = messages.get(message, 0) + 1
                if problem:
                    problems.append((kind, problem))
                if elapsed > slowest[0]:
                    slowest = (elapsed, kind)
    shutil.rmtree(work, ignore_errors=True)
    total = sum(counts.values())
    print("%d inputs in %.0f minutes, %d jobs, seed %d, %s" % (total, args.minutes, args.jobs, args.seed, args.binary))
    print("exit codes: " + ", ".join("%s: %d" % (k, v) for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))))
    print("mutations: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("slowest input: %.1f s (%s)" % slowest)
    print("errors, by their first words:")
    for message, count in sorted(messages.items(), key=lambda kv: -kv[1])[:25]:
        print("  %6d  %s" % (count, message))
    print("findings: %d%s" % (len(problems), " (in %s)" % findings if problems else ""))
    for kind, problem in problems[:20]:
        print("  %s: %s" % (kind, problem))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
