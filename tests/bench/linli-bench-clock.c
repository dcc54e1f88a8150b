/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-bench"
#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include "config.h"

#include <sys/resource.h>

#include "linli-bench-clock.h"

static GArray *cpu_samples;  /* double seconds, one a timed run */

static double
thread_cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_THREAD, &usage) != 0)
    return 0;
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

LinliBenchStamp
linli_bench_stamp (void)
{
  LinliBenchStamp stamp = { g_get_monotonic_time (), thread_cpu_seconds () };
  return stamp;
}

/* Wall seconds since @start; its CPU seconds are kept as a sample. */
double
linli_bench_seconds_since (LinliBenchStamp start)
{
  double wall = (g_get_monotonic_time () - start.wall) / 1e6;

  linli_bench_add_cpu (thread_cpu_seconds () - start.cpu);
  return wall;
}

double
linli_bench_ms_since (LinliBenchStamp start)
{
  return linli_bench_seconds_since (start) * 1000.0;
}

void
linli_bench_add_cpu (double seconds)
{
  g_array_append_val (linli_bench_cpu_samples (), seconds);
}

/**
 * linli_bench_cpu_samples:
 *
 * Returns: (transfer none): the CPU seconds of every run timed since the
 *   caller last emptied it
 */
GArray *
linli_bench_cpu_samples (void)
{
  if (cpu_samples == NULL)
    cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  return cpu_samples;
}
