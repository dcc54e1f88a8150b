/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The window's first seconds after its first frame, for linli-bench: it
 * needs a display (run it under xvfb-run). */
gboolean linli_bench_after_first_frame_max_stall_ms (const char  *path,
                                                     double      *value,
                                                     GError     **error);
gboolean linli_bench_after_first_frame_max_stall_thread_cpu_ms (const char  *path,
                                                                double      *value,
                                                                GError     **error);

G_END_DECLS
