/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Wall time and the CPU time of the calling thread (getrusage), together:
 * wall time alone swings several-fold with the machine's load. Every
 * linli_bench_seconds_since() keeps the CPU seconds of its run, so that a
 * figure can be printed with its CPU time beside it. */

typedef struct
{
  gint64 wall;  /* g_get_monotonic_time () */
  double cpu;   /* seconds of user + system time of this thread */
} LinliBenchStamp;

LinliBenchStamp linli_bench_stamp          (void);
double          linli_bench_seconds_since  (LinliBenchStamp start);
double          linli_bench_ms_since       (LinliBenchStamp start);
void            linli_bench_add_cpu        (double          seconds);
GArray         *linli_bench_cpu_samples    (void);

G_END_DECLS
