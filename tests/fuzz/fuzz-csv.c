/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any bytes as a CSV file: read, every cell and line looked at. */
#include "config.h"

#include "fuzz.h"
#include "linli-csv.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(LinliCsvTable) table = linli_csv_read (bytes, NULL);

  if (table == NULL)
    return 0;
  for (guint c = 0; c < linli_csv_table_get_n_columns (table); c++)
    (void) linli_csv_table_get_header (table, c);
  for (guint r = 0; r < linli_csv_table_get_n_rows (table); r++)
    {
      (void) linli_csv_table_get_line (table, r);
      for (guint c = 0; c < linli_csv_table_get_n_columns (table); c++)
        (void) linli_csv_is_formula (linli_csv_table_get_cell (table, r, c));
    }
  return 0;
}
