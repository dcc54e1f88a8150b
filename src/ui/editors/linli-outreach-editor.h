/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-record-editor.h"

G_BEGIN_DECLS

#define LINLI_TYPE_OUTREACH_EDITOR (linli_outreach_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliOutreachEditor, linli_outreach_editor, LINLI, OUTREACH_EDITOR, LinliRecordEditor)

LinliOutreachEditor *linli_outreach_editor_new         (GtkWindow           *parent,
                                                        LinliStore          *store,
                                                        LinliRecord         *outreach_or_null);

G_END_DECLS
