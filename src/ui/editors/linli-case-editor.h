/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-record-editor.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_EDITOR (linli_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseEditor, linli_case_editor, LINLI, CASE_EDITOR, LinliRecordEditor)

LinliCaseEditor *linli_case_editor_new         (GtkWindow       *parent,
                                                LinliStore      *store,
                                                LinliRecord     *case_or_null);
LinliStore      *linli_case_editor_get_store   (LinliCaseEditor *self);
LinliRecord     *linli_case_editor_get_case    (LinliCaseEditor *self);
LinliRecord     *linli_case_editor_get_copy    (LinliCaseEditor *self);
gboolean         linli_case_editor_is_valid    (LinliCaseEditor *self);
gboolean         linli_case_editor_has_changes (LinliCaseEditor *self);

G_END_DECLS
