/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The base date of every generated community: its "now". */
#define LINLI_GEN_BASE_DATE "2026-01-01T00:00:00+08:00"

gboolean linli_gen_write (const char  *path,
                          guint        n_cases,
                          guint32      seed,
                          GError     **error);

G_END_DECLS
