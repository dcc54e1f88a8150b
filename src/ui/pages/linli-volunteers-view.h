/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-store.h"

G_BEGIN_DECLS

/* The volunteers of the register with their activities and hours in a
 * period, sorted by any column; a row opens the volunteer. */

#define LINLI_TYPE_VOLUNTEERS_VIEW (linli_volunteers_view_get_type ())

G_DECLARE_FINAL_TYPE (LinliVolunteersView, linli_volunteers_view, LINLI, VOLUNTEERS_VIEW, GtkWidget)

void        linli_volunteers_view_set_store      (LinliVolunteersView *self,
                                                  LinliStore          *store);
void        linli_volunteers_view_set_period     (LinliVolunteersView *self,
                                                  GDateTime           *from,
                                                  GDateTime           *until);
GListModel *linli_volunteers_view_get_volunteers (LinliVolunteersView *self);
char       *linli_volunteers_view_dup_hours      (LinliVolunteersView *self,
                                                  LinliRecord         *volunteer);

G_END_DECLS
