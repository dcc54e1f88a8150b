/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-gen"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "linli-gen-lib.h"

/* linli-gen --cases N --out FILE [--seed S]: writes a synthetic community
 * into a new Linli database. The same arguments write the same content. */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 n_cases = -1;
  gint64 seed = 1;
  gint64 started;
  const GOptionEntry entries[] = {
    { "cases", 'n', 0, G_OPTION_ARG_INT64, &n_cases, "How many cases to write (required)", "N" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "The new database file (must not exist)", "FILE" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random choices (default 1)", "S" },
    { NULL }
  };

  /* The community's zone, whatever the machine's: the store writes times in
   * the local zone, and the same arguments must write the same file. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  setlocale (LC_ALL, "");

  context = g_option_context_new ("- write a synthetic Linli community");
  g_option_context_set_summary (context,
                                "Writes a deterministic synthetic community of N cases, with its grids,\n"
                                "buildings, workers, residents, activities and outreach events, into a\n"
                                "new Linli database. The same arguments write the same content.\n"
                                "Times are written in China Standard Time (TZ=Asia/Shanghai).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("linli-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (argc > 1)
    {
      g_printerr ("linli-gen: unexpected argument “%s”\n", argv[1]);
      return EXIT_FAILURE;
    }
  if (n_cases < 0 || out == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("linli-gen: --cases and --out are required\n\n%s", help);
      return EXIT_FAILURE;
    }
  if (n_cases > 10000000)
    {
      g_printerr ("linli-gen: --cases must be at most 10000000\n");
      return EXIT_FAILURE;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("linli-gen: --seed must be between 0 and %u\n", G_MAXUINT32);
      return EXIT_FAILURE;
    }

  started = g_get_monotonic_time ();
  if (!linli_gen_write (out, (guint) n_cases, (guint32) seed, &error))
    {
      g_printerr ("linli-gen: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("Wrote %" G_GINT64_FORMAT " cases to %s in %.2f s\n",
           n_cases, out, (g_get_monotonic_time () - started) / 1e6);
  return EXIT_SUCCESS;
}
