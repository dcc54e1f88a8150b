/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-list-page.h"

G_BEGIN_DECLS

#define LINLI_TYPE_ACTIVITIES_PAGE (linli_activities_page_get_type ())

G_DECLARE_FINAL_TYPE (LinliActivitiesPage, linli_activities_page, LINLI, ACTIVITIES_PAGE, LinliRecordListPage)

void        linli_activities_page_set_store           (LinliActivitiesPage *self,
                                                       LinliStore          *store);
GListModel *linli_activities_page_get_activities      (LinliActivitiesPage *self);
GListModel *linli_activities_page_get_volunteers      (LinliActivitiesPage *self);
char       *linli_activities_page_dup_volunteer_hours (LinliActivitiesPage *self,
                                                       LinliRecord         *volunteer);
char       *linli_activities_page_dup_totals          (LinliActivitiesPage *self);
void        linli_activities_page_new_activity        (LinliActivitiesPage *self);
void        linli_activities_page_open                (LinliActivitiesPage *self,
                                                       gint64               id);
void        linli_activities_page_search              (LinliActivitiesPage *self,
                                                       const char          *text);

G_END_DECLS
