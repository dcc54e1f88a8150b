/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>

/* What libFuzzer calls with each input, and replay.c with each file. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
