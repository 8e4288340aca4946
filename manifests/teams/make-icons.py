#!/usr/bin/env python3
"""Draws the Teams app icons (no image library needed): color.png 192x192 full colour, outline.png 32x32 white on transparent.
Icon rules: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons"""
import struct
import zlib
from pathlib import Path

BLUE = (0x1F, 0x6F, 0xEB, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def in_round_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return x0 <= x <= x1 and y0 <= y <= y1 and (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_triangle(x, y, ax, ay, bx, by, cx, cy):
    def side(px, py, qx, qy, rx, ry):
        return (px - rx) * (qy - ry) - (qx - rx) * (py - ry)
    d1, d2, d3 = side(x, y, ax, ay, bx, by), side(x, y, bx, by, cx, cy), side(x, y, cx, cy, ax, ay)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def bubble(x, y, s):
    """A speech bubble with a 'go' arrow inside, scaled to size s: white on the bubble, the arrow cut out."""
    k = s / 192
    body = in_round_rect(x, y, 30 * k, 44 * k, 162 * k, 138 * k, 18 * k)
    tail = in_triangle(x, y, 56 * k, 130 * k, 56 * k, 168 * k, 96 * k, 130 * k)
    arrow = in_triangle(x, y, 74 * k, 66 * k, 74 * k, 116 * k, 126 * k, 91 * k)
    return (body or tail) and not arrow


def color(x, y, s):
    return WHITE if bubble(x + 0.5, y + 0.5, s) else BLUE


def outline(x, y, s):
    # Outline icon: white on transparent, only the bubble's rim and the arrow.
    px, py = x + 0.5, y + 0.5
    k = s / 192
    inner = in_round_rect(px, py, 42 * k, 56 * k, 150 * k, 126 * k, 10 * k)
    arrow = in_triangle(px, py, 74 * k, 66 * k, 74 * k, 116 * k, 126 * k, 91 * k)
    rim = (bubble(px, py, s) or arrow) and not inner
    return WHITE if rim or arrow else CLEAR


here = Path(__file__).resolve().parent
png(here / "color.png", 192, color)
png(here / "outline.png", 32, outline)
