/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-case-csv.h"
#include "linli-csv-mapping.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* Volunteer activities, outreach events and volunteers as CSV ledgers
 * (台账): UTF-8 with a BOM and the office's headers, as Excel and WPS open
 * them. Volunteers, and activities with who served in them, are imported
 * back: all rows or none, every wrong row named by its line.
 *
 * The activities file has one row per participation, the columns of the
 * activity repeated on each; an activity nobody served in has one row with
 * the volunteer's columns empty. The rows of one activity are those with
 * the same title and start. */

#define LINLI_EVENT_CSV_ERROR (linli_event_csv_error_quark ())

typedef enum {
  LINLI_EVENT_CSV_ERROR_ROWS,   /* some rows are wrong: see the row errors */
} LinliEventCsvError;

typedef enum {
  LINLI_EVENT_CSV_VOLUNTEERS,
  LINLI_EVENT_CSV_ACTIVITIES,
  LINLI_EVENT_CSV_STAFF,        /* the staff register: see linli-staff-csv.h */
} LinliEventCsvKind;

/* The fields of an activities file, in the order the export writes them. */
typedef enum {
  LINLI_ACTIVITY_FIELD_TITLE,
  LINLI_ACTIVITY_FIELD_TYPE,
  LINLI_ACTIVITY_FIELD_START,
  LINLI_ACTIVITY_FIELD_END,
  LINLI_ACTIVITY_FIELD_VENUE,
  LINLI_ACTIVITY_FIELD_GRID,
  LINLI_ACTIVITY_FIELD_ORGANISER,
  LINLI_ACTIVITY_FIELD_PARTNERS,
  LINLI_ACTIVITY_FIELD_BENEFICIARIES,
  LINLI_ACTIVITY_FIELD_STATUS,
  LINLI_ACTIVITY_FIELD_DESCRIPTION,
  LINLI_ACTIVITY_FIELD_VOLUNTEER,
  LINLI_ACTIVITY_FIELD_VOLUNTEER_NUMBER,
  LINLI_ACTIVITY_FIELD_ROLE,
  LINLI_ACTIVITY_FIELD_HOURS,
  LINLI_N_ACTIVITY_FIELDS
} LinliActivityField;

/* The fields of a volunteers file. */
typedef enum {
  LINLI_VOLUNTEER_FIELD_NAME,
  LINLI_VOLUNTEER_FIELD_PHONE,
  LINLI_VOLUNTEER_FIELD_SKILLS,
  LINLI_VOLUNTEER_FIELD_NUMBER,
  LINLI_VOLUNTEER_FIELD_NOTES,
  LINLI_N_VOLUNTEER_FIELDS
} LinliVolunteerField;

GQuark           linli_event_csv_error_quark       (void);

gboolean         linli_event_csv_export_activities (LinliStore        *store,
                                                    GListModel        *activities,
                                                    GOutputStream     *out,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
gboolean         linli_event_csv_export_outreach   (LinliStore        *store,
                                                    GListModel        *outreach,
                                                    GOutputStream     *out,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
gboolean         linli_event_csv_export_volunteers (LinliStore        *store,
                                                    GListModel        *volunteers,
                                                    GDateTime         *from,
                                                    GDateTime         *until,
                                                    gboolean           mask_phone,
                                                    GOutputStream     *out,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

LinliCsvMapping *linli_event_csv_mapping_new       (LinliEventCsvKind  kind,
                                                    LinliCsvTable     *table);
gboolean         linli_event_csv_check             (LinliStore        *store,
                                                    LinliEventCsvKind  kind,
                                                    LinliCsvMapping   *mapping,
                                                    GPtrArray        **row_errors,
                                                    GError           **error);
gboolean         linli_event_csv_import            (LinliStore        *store,
                                                    LinliEventCsvKind  kind,
                                                    LinliCsvMapping   *mapping,
                                                    GPtrArray        **row_errors,
                                                    guint             *n_imported,
                                                    GError           **error);
/* linli_event_csv_import() with progress and Cancel, for a job's thread. */
gboolean         linli_event_csv_import_full       (LinliStore        *store,
                                                    LinliEventCsvKind  kind,
                                                    LinliCsvMapping   *mapping,
                                                    LinliCountFunc     count,
                                                    gpointer           count_data,
                                                    GCancellable      *cancellable,
                                                    GPtrArray        **row_errors,
                                                    guint             *n_imported,
                                                    GError           **error);

G_END_DECLS
