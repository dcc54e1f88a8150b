/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-csv.h"

G_BEGIN_DECLS

/* For the tests: linli_csv_read_stream() @chunk bytes at a time, so that a
 * row, a quoted field or a character can be cut anywhere. */
LinliCsvTable *linli_csv_read_stream_full (GInputStream  *in,
                                           gsize          size_hint,
                                           gsize          chunk,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
