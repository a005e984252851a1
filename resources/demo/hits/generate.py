#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
"""Generates the synthetic hit demo set (60 x 60 grey PNG crops) of resources/demo/hits.

Spots: small round blobs; tracks: short straight lines; worms: curved lines of varying width. Sensor noise
and a dark background level vary per crop; six simulated devices, one with a hot pixel. Seeded: running it
again gives the same files. Needs python3-numpy and python3-skimage (Debian)."""
import numpy as np
import skimage.io
import pathlib

rng = np.random.default_rng(20260)
root = pathlib.Path(__file__).resolve().parent
S = 60


def canvas():
    bg = rng.uniform(0, 12)
    return rng.normal(bg, rng.uniform(1, 4), (S, S))


def stamp(img, x, y, brightness, sigma):
    yy, xx = np.mgrid[0:S, 0:S]
    img += brightness * np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * sigma ** 2))


def spot():
    img = canvas()
    stamp(img, 30 + rng.normal(0, 2), 30 + rng.normal(0, 2), rng.uniform(80, 220), rng.uniform(0.8, 2.0))
    return img


def track():
    img = canvas()
    a, length = rng.uniform(0, np.pi), rng.uniform(8, 24)
    b = rng.uniform(90, 200)
    for t in np.linspace(-length / 2, length / 2, int(length * 3)):
        stamp(img, 30 + t * np.cos(a), 30 + t * np.sin(a), b / 3, 0.6)
    return img


def worm():
    img = canvas()
    a, length, bend = rng.uniform(0, np.pi), rng.uniform(12, 30), rng.uniform(0.08, 0.25) * rng.choice([-1, 1])
    x, y, b = 30 - length / 2 * np.cos(a), 30 - length / 2 * np.sin(a), rng.uniform(100, 220)
    for _ in range(int(length * 3)):
        stamp(img, x, y, b / 3, rng.uniform(0.6, 1.1))
        a += bend * rng.normal(1, 0.5)
        x, y = x + np.cos(a) / 3, y + np.sin(a) / 3
    return img


rows = ["id,class,device_id,frame_width,frame_height,x,y,timestamp_ms"]
t0 = 1_700_000_000_000
n = 0
for cls, make in (("spot", spot), ("track", track), ("worm", worm)):
    (root / cls).mkdir(exist_ok=True)
    for i in range(20):
        img = np.clip(np.rint(make()), 0, 255).astype(np.uint8)
        device = f"demo-{n % 6}"
        x, y = int(rng.integers(40, 600)), int(rng.integers(40, 440))
        if n % 18 == 0:  # device demo-0's hot pixel at frame (321, 123), in 4 of its hits
            x, y = 321 - 40 + 30, 123 - 25 + 30
            img[25, 40] = 255
        hid = f"{cls}{i:02d}"
        skimage.io.imsave(root / cls / f"{hid}.png", img, check_contrast=False)
        rows.append(f"{hid},{cls},{device},640,480,{x},{y},{t0 + n * 45_000}")
        n += 1
(root / "labels.csv").write_text("\n".join(rows) + "\n")
