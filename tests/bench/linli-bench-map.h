/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The map's figures for linli-bench. Those that draw need a display (run
 * the benchmark under xvfb-run); without one they fail with
 * G_IO_ERROR_NOT_SUPPORTED, which the benchmark reports as skipped. */

gboolean linli_bench_map_pan_frame_ms         (double  *value,
                                               GError **error);
gboolean linli_bench_map_zoom_frame_ms        (double  *value,
                                               GError **error);
gboolean linli_bench_map_zoom_new_level_frame_ms (double  *value,
                                                  GError **error);
gboolean linli_bench_marker_widgets_pan_frame_ms (double  *value,
                                                  GError **error);
gboolean linli_bench_pip_points_per_s         (double  *value,
                                               GError **error);

G_END_DECLS
