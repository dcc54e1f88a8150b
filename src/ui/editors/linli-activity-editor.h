/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-record-editor.h"

G_BEGIN_DECLS

#define LINLI_TYPE_ACTIVITY_EDITOR (linli_activity_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliActivityEditor, linli_activity_editor, LINLI, ACTIVITY_EDITOR, LinliRecordEditor)

LinliActivityEditor *linli_activity_editor_new         (GtkWindow           *parent,
                                                        LinliStore          *store,
                                                        LinliRecord         *activity_or_null);

G_END_DECLS
