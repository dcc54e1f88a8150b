/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from Chinese office computers often carries full-width forms
 * (１７５９８２５２９８３, ２０２５-０６-０３ ０８:２５, ２６号楼): every importer and
 * editor folds them with this one function before it reads or keeps them. */

typedef enum {
  LINLI_WIDTH_TEXT,    /* digits and Latin letters; a －, ．, ／ or ： between digits */
  LINLI_WIDTH_NUMBER,  /* every full-width ASCII form and the ideographic space */
} LinliWidthFold;

char     *linli_text_fold_width  (const char     *text,
                                  LinliWidthFold  fold);
gboolean  linli_text_has_wide    (const char     *text);
gboolean  linli_text_width_folds (const char     *text,
                                  gssize          length,
                                  LinliWidthFold  fold);

G_END_DECLS
