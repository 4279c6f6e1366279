#!/usr/bin/env python3
"""Draws the IOM Workbench application icon and writes it as PNG files (standard library only).

The picture: a rounded square in deep blue with a small linked graph in white (person records
resolved into one person) and one amber node (the person the score flags). Shapes are drawn as
signed distance fields and anti-aliased by 4x4 supersampling, so the result is the same bytes
on every machine.

    python3 installer/icon/make-icon.py     # writes installer/icon/iom-workbench.{png,ico,icns}
    python3 installer/icon/make-icon.py --size 512 --out /tmp/icon-512.png   # one PNG

iom-workbench.png (256 px) is the Linux icon; iom-workbench.ico (16, 32, 48 and 256 px) is for a
Windows build and iom-workbench.icns (128, 256 and 512 px) for a macOS build. Both hold PNG
images, which Windows Vista and later and macOS 10.7 and later read.
"""
import argparse
import math
import os
import struct
import zlib

NAVY_TOP = (0x24, 0x4B, 0x7A)
NAVY_BOTTOM = (0x12, 0x2A, 0x4A)
WHITE = (0xFF, 0xFF, 0xFF)
AMBER = (0xF2, 0xA9, 0x00)

# All geometry on a 0..1 canvas.
CORNER = 0.18  # corner radius of the rounded square
MARGIN = 0.03
NODES = [(0.31, 0.31), (0.71, 0.35), (0.63, 0.69), (0.29, 0.68)]
EDGES = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)]
FLAGGED = 2  # the amber node
NODE_R = 0.085
FLAGGED_R = 0.11
EDGE_W = 0.028


def rounded_square(x, y):
    half = 0.5 - MARGIN
    qx = abs(x - 0.5) - (half - CORNER)
    qy = abs(y - 0.5) - (half - CORNER)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - CORNER


def segment(x, y, a, b):
    (ax, ay), (bx, by) = a, b
    px, py, dx, dy = x - ax, y - ay, bx - ax, by - ay
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - t * dx, py - t * dy) - EDGE_W / 2


def sample(x, y):
    """The colour and coverage (0 or 1) of one subsample."""
    if rounded_square(x, y) > 0:
        return None
    t = y  # vertical gradient
    colour = tuple(NAVY_TOP[i] + (NAVY_BOTTOM[i] - NAVY_TOP[i]) * t for i in range(3))
    fx, fy = NODES[FLAGGED]
    # a dark ring around the amber node separates it from the white edges
    if math.hypot(x - fx, y - fy) <= FLAGGED_R + 0.025:
        if math.hypot(x - fx, y - fy) <= FLAGGED_R:
            return AMBER
        return colour
    for a, b in EDGES:
        if segment(x, y, NODES[a], NODES[b]) <= 0:
            return WHITE
    for i, (nx, ny) in enumerate(NODES):
        if i != FLAGGED and math.hypot(x - nx, y - ny) <= NODE_R:
            return WHITE
    return colour


def render(size, ss=4):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0.0
            for sy in range(ss):
                for sx in range(ss):
                    c = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)
                    if c is not None:
                        r += c[0]
                        g += c[1]
                        b += c[2]
                        a += 1
            n = ss * ss
            if a == 0:
                row += b"\x00\x00\x00\x00"
            else:
                # straight (not premultiplied) alpha, as PNG wants
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
        rows.append(bytes(row))
    return rows


def png_bytes(size):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in render(size))  # filter type 0 on each row
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))  # 8-bit RGBA
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    return png


def ico_bytes(pngs):
    """An .ico whose images are PNGs: the header, one 16-byte entry per image, then the images."""
    out = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    for size, data in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in pngs)


ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icns_bytes(pngs):
    """An .icns: 'icns', the total length, then (type, length with its 8-byte header, PNG) each."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data for size, data in pngs)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    print(f"{path}: {len(data)} bytes")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="write one PNG of this size (with --out)")
    parser.add_argument("--out", help="where the one PNG goes")
    args = parser.parse_args()
    if args.size or args.out:
        write(args.out or f"iom-workbench-{args.size or 256}.png", png_bytes(args.size or 256))
        return
    pngs = {size: png_bytes(size) for size in (16, 32, 48, 128, 256, 512)}
    base = os.path.join(here, "iom-workbench")
    write(base + ".png", pngs[256])
    write(base + ".ico", ico_bytes([(s, pngs[s]) for s in (16, 32, 48, 256)]))
    write(base + ".icns", icns_bytes([(s, pngs[s]) for s in (128, 256, 512)]))


if __name__ == "__main__":
    main()
