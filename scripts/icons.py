#!/usr/bin/env python3
"""Draws the web app manifest's PNG icons from public/favicon.svg (its filled paths, the one
source of the mark), so the icons never drift from it: `python3 scripts/icons.py`.

Standard library only: each path is filled by scanlines with 4x4 samples per pixel
(anti-aliased edges). The maskable icon puts the mark inside the central 80% safe zone on a
full-bleed background, as https://www.w3.org/TR/appmanifest/#icon-masks asks."""
import re, struct, zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = (ROOT / "public/favicon.svg").read_text()
OUT = ROOT / "public/icons"


def paths(svg):
    """[(polygon [(x, y)], (r, g, b))] from the SVG's <path d fill> (M L H V Z, either case)."""
    out = []
    for d, fill in re.findall(r'<path d="([^"]+)" fill="#([0-9a-fA-F]{6})"', svg):
        tokens = re.findall(r"[MLHVZmlhvz]|-?\d*\.?\d+", d)
        points, x, y, command, i = [], 0.0, 0.0, "M", 0
        while i < len(tokens):
            t = tokens[i]
            if t.isalpha():
                command = t
                i += 1
                if t in "Zz":
                    continue
                continue
            value = float(t)
            if command in "ML":
                x, y = value, float(tokens[i + 1]); i += 2
            elif command in "ml":
                x, y = x + value, y + float(tokens[i + 1]); i += 2
            elif command == "H":
                x = value; i += 1
            elif command == "h":
                x += value; i += 1
            elif command == "V":
                y = value; i += 1
            elif command == "v":
                y += value; i += 1
            points.append((x, y))
            if command == "M":
                command = "L"
            elif command == "m":
                command = "l"
        out.append((points, tuple(int(fill[k:k + 2], 16) for k in (0, 2, 4))))
    return out


def render(size, scale, offset, background):
    """An RGBA image: the shapes scaled by `scale` and moved by `offset`, over `background`
    (None: transparent)."""
    pixels = [[list(background) + [255] if background else [0, 0, 0, 0] for _ in range(size)] for _ in range(size)]
    sub = 4
    for polygon, colour in paths(SVG):
        poly = [(x * scale + offset, y * scale + offset) for x, y in polygon]
        for row in range(size):
            coverage = [0.0] * size
            for s in range(sub):
                y = row + (s + 0.5) / sub
                xs = []
                for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
                    if (y1 <= y < y2) or (y2 <= y < y1):
                        xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
                xs.sort()
                for a, b in zip(xs[0::2], xs[1::2]):
                    for px in range(max(0, int(a)), min(size, int(b) + 1)):
                        overlap = min(b, px + 1) - max(a, px)
                        if overlap > 0:
                            coverage[px] += overlap / sub
            for px, c in enumerate(coverage):
                if c <= 0:
                    continue
                c = min(c, 1.0)
                p = pixels[row][px]
                alpha = p[3] / 255
                out_alpha = c + alpha * (1 - c)
                for k in range(3):
                    p[k] = round((colour[k] * c + p[k] * alpha * (1 - c)) / out_alpha)
                p[3] = round(out_alpha * 255)
    return pixels


def png(pixels):
    raw = b"".join(b"\0" + bytes(v for p in row for v in p) for row in pixels)
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    size = len(pixels)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    OUT.mkdir(exist_ok=True)
    background = paths(SVG)[1][1]  # the mark's light centre: the page's own background
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("icon-maskable-512.png", 512, True), ("apple-touch-icon.png", 180, True)]:
        if maskable:
            # The 32-unit mark in the middle 70% (inside the 80% safe circle), on the background.
            scale = size * 0.7 / 32
            image = render(size, scale, size * 0.15, background)
        else:
            image = render(size, size / 32, 0, None)
        (OUT / name).write_bytes(png(image))
        print(f"public/icons/{name}: {size}x{size}")


main()
