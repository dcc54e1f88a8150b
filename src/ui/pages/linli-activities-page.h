/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-list-page.h"

G_BEGIN_DECLS

#define LINLI_TYPE_ACTIVITIES_PAGE (linli_activities_page_get_type ())

G_DECLARE_FINAL_TYPE (LinliActivitiesPage, linli_activities_page, LINLI, ACTIVITIES_PAGE, LinliRecordListPage)

GListModel *linli_activities_page_get_volunteers      (LinliActivitiesPage *self);
char       *linli_activities_page_dup_volunteer_hours (LinliActivitiesPage *self,
                                                       LinliRecord         *volunteer);

G_END_DECLS
