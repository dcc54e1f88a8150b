/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Check grids" for linli-bench: overlaps between 100 management grids of
 * 200 vertices and 2,000 buildings tested against them. */

gboolean linli_bench_grid_check_ms (double  *value,
                                    GError **error);

G_END_DECLS
