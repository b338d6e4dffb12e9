#!/usr/bin/env python3
"""Where the app's WebAssembly bytes go, by the crate each function is from.

Reads the wasm that cargo wrote for Trunk's last release build (before
wasm-bindgen and wasm-opt, so it still names its functions; wasm-opt then
shrinks the code by about a third, evenly enough for shares to hold), and
prints the code's size by crate, the largest functions and the data
section. The release wasm itself is measured by the budget test.

    python3 scripts/wasm-sizes.py [WASM] [--top N]
"""

import argparse
import collections
import re
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "target/wasm32-unknown-unknown/release/quire-web.wasm"
CODE, DATA, IMPORTS, CUSTOM = 10, 11, 2, 0


def leb128(data: bytes, at: int) -> tuple[int, int]:
    """An unsigned LEB128 number at `at`, and where the next field starts."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def name(data: bytes, at: int) -> tuple[str, int]:
    """A length-prefixed UTF-8 name at `at`, and where the next field starts."""
    length, at = leb128(data, at)
    return data[at : at + length].decode("utf-8", "replace"), at + length


def read(wasm: bytes):
    """The module's sections (id → bytes), function bodies' sizes and function names."""
    sections, bodies, names, imported = collections.Counter(), [], {}, 0
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, at = leb128(wasm, at + 1)
        end = at + size
        sections[section] += size
        if section == IMPORTS:
            count, cursor = leb128(wasm, at)
            for _ in range(count):
                _, cursor = name(wasm, cursor)
                _, cursor = name(wasm, cursor)
                kind = wasm[cursor]
                cursor += 1
                if kind == 0:  # a function: its type index
                    _, cursor = leb128(wasm, cursor)
                    imported += 1
                elif kind == 1:  # a table: element type, limits
                    flags, cursor = leb128(wasm, cursor + 1)
                    _, cursor = leb128(wasm, cursor)
                    if flags & 1:
                        _, cursor = leb128(wasm, cursor)
                elif kind == 2:  # a memory: limits
                    flags, cursor = leb128(wasm, cursor)
                    _, cursor = leb128(wasm, cursor)
                    if flags & 1:
                        _, cursor = leb128(wasm, cursor)
                else:  # a global: type, mutability
                    cursor += 2
        elif section == CODE:
            count, cursor = leb128(wasm, at)
            for _ in range(count):
                length, cursor = leb128(wasm, cursor)
                bodies.append(length)
                cursor += length
        elif section == CUSTOM:
            title, cursor = name(wasm, at)
            while title == "name" and cursor < end:
                kind = wasm[cursor]
                length, cursor = leb128(wasm, cursor + 1)
                if kind == 1:  # function names
                    count, entry = leb128(wasm, cursor)
                    for _ in range(count):
                        index, entry = leb128(wasm, entry)
                        names[index], entry = name(wasm, entry)
                cursor += length
        at = end
    return sections, bodies, {index - imported: text for index, text in names.items()}, wasm


def demangle(symbol: str) -> str:
    """A Rust legacy-mangled symbol (`_ZN…E`) as a path, without its hash;
    a v0 one (`_R…`) as its crate followed by the symbol."""
    if symbol.startswith("_R"):
        # A v0 symbol (std's): its first crate is enough here.
        crate = re.search(r"C[0-9A-Za-z]*_(\d+)", symbol)
        if crate:
            start = crate.end()
            return f"{symbol[start : start + int(crate.group(1))]}::{symbol}"
    mangled = re.fullmatch(r"_ZN(.*)E", symbol)
    if not mangled:
        return symbol
    parts, text, at = [], mangled.group(1), 0
    while at < len(text) and (length := re.match(r"\d+", text[at:])):
        at += len(length.group())
        parts.append(text[at : at + int(length.group())])
        at += int(length.group())
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    path = "::".join(parts)
    for code, char in {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$C$": ",", "$RF$": "&", "$u7b$": "{", "$u7d$": "}", "..": "::"}.items():
        path = path.replace(code, char)
    return path


def crate_of(path: str) -> str:
    """The crate a function's path starts with: `<X as Trait>::f` counts as
    `X`'s, or as the trait's when `X` is a type parameter (`T`, `F`)."""
    path = re.sub(r"^(?:_?<|&|mut |impl |dyn |\s)+", "", path)
    first = re.match(r"[A-Za-z_][A-Za-z0-9_]*", path)
    if first and re.fullmatch(r"[A-Z][A-Za-z]{0,4}", first.group()) and " as " in path:
        return crate_of(path.split(" as ", 1)[1])
    return first.group() if first else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wasm", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--top", type=int, default=25, help="how many of the largest functions to list")
    arguments = parser.parse_args()
    sections, bodies, names, wasm = read(arguments.wasm.read_bytes())
    code = sum(bodies)
    if not names:
        raise SystemExit(f"{arguments.wasm} names no functions: give the wasm cargo wrote, not the optimised one")
    functions = [(size, demangle(names.get(index, "?"))) for index, size in enumerate(bodies)]
    by_crate = collections.Counter()
    for size, path in functions:
        by_crate[crate_of(path)] += size
    print(f"{arguments.wasm}: code {code:,} bytes in {len(bodies):,} functions, data {sections[DATA]:,} bytes")
    print("\ncode by crate (a generic function counts where its path starts: an effect's body in reactive_graph)")
    for crate, size in by_crate.most_common(20):
        print(f"{size:>9,}  {100 * size / code:5.1f}%  {crate}")
    serde = sum(size for size, path in functions if re.search(r"serde|Deserializ|Visitor", path))
    print(f"{serde:>9,}  {100 * serde / code:5.1f}%  (of all the above: reading JSON, serde's and its derives' code)")
    print(f"\nthe {arguments.top} largest functions")
    for size, path in sorted(functions, reverse=True)[: arguments.top]:
        print(f"{size:>9,}  {path[:150]}")


if __name__ == "__main__":
    main()
