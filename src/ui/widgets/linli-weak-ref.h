/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A widget held weakly while a file is chosen or a question is asked: the
 * user data of LinliFilePick and LinliAlert callbacks, which then ask
 * g_weak_ref_get() whether the widget is still there. */
gpointer linli_weak_ref_new  (gpointer object);
void     linli_weak_ref_free (gpointer ref);

G_END_DECLS
