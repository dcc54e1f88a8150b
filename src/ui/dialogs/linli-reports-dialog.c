/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-reports-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-file-pick.h"
#include "linli-records.h"
#include "linli-report-actions.h"
#include "linli-report-pdf.h"
#include "linli-reports-dialog.h"

typedef enum {
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
  PERIOD_RANGE,
} PeriodChoice;

struct _LinliReportsDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *kind_row;
  AdwPreferencesGroup *period_group;
  AdwComboRow     *period_kind_row;
  AdwActionRow    *year_row;
  GtkSpinButton   *year_spin;
  AdwComboRow     *month_row;
  AdwComboRow     *quarter_row;
  AdwActionRow    *from_row;
  GtkEntry        *from_entry;
  AdwActionRow    *until_row;
  GtkEntry        *until_entry;
  AdwPreferencesGroup *scope_group;
  AdwComboRow     *grid_row;
  AdwPreferencesGroup *case_group;
  AdwActionRow    *case_row;
  GtkSwitch       *personal_switch;

  LinliStore      *store;
  GArray          *grid_ids;   /* gint64, one per grid_row item; 0 first */
  gint64           case_id;    /* the one case chosen on the Cases page, or 0 */
  guint            n_cases;    /* how many are chosen there */
  PeriodChoice     shown_choice;   /* the period kind the fields show */
  GCancellable    *picking;       /* while the file is chosen */
  LinliReportRequest    chosen;   /* what the chosen file gets */
  GCancellable    *exporting;     /* while an export runs */
  GFile           *export_file;   /* its file */
};

G_DEFINE_FINAL_TYPE (LinliReportsDialog, linli_reports_dialog, ADW_TYPE_WINDOW)

/* Shows @error under the row, or @hint when there is none. */
static void
show_field (AdwActionRow *row,
            GtkWidget    *entry,
            const char   *error,
            const char   *hint)
{
  adw_action_row_set_subtitle (row, error ? error : hint);
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "linli-field-error");
      gtk_widget_add_css_class (entry, "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "linli-field-error");
      gtk_widget_remove_css_class (entry, "error");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static LinliReportKind
selected_kind (LinliReportsDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row);
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int y, m, d;
  char end;

  g_date_clear (day, 1);
  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &end) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/* The month, quarter or year the fields show for @choice; FALSE for a
 * range of days, which has no such fields. */
static gboolean
read_fixed_period (LinliReportsDialog *self,
                   PeriodChoice        choice,
                   LinliReportPeriod  *period)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  switch (choice)
    {
    case PERIOD_MONTH:
      linli_report_period_init_month (period, year, adw_combo_row_get_selected (self->month_row) + 1);
      return TRUE;
    case PERIOD_QUARTER:
      linli_report_period_init_quarter (period, year, adw_combo_row_get_selected (self->quarter_row) + 1);
      return TRUE;
    case PERIOD_YEAR:
      linli_report_period_init_year (period, year);
      return TRUE;
    case PERIOD_RANGE:
    default:
      return FALSE;
    }
}

static void
set_day (GtkEntry    *entry,
         const GDate *day)
{
  g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day),
                                           g_date_get_month (day), g_date_get_day (day));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Days from … to … starts from the days of the month, quarter or year
 * chosen before, rather than from two empty fields marked wrong. */
static void
fill_range_from_previous (LinliReportsDialog *self)
{
  PeriodChoice previous = self->shown_choice;
  LinliReportPeriod period;

  self->shown_choice = adw_combo_row_get_selected (self->period_kind_row);
  if (self->shown_choice != PERIOD_RANGE || previous == PERIOD_RANGE
      || *gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) != '\0'
      || *gtk_editable_get_text (GTK_EDITABLE (self->until_entry)) != '\0'
      || !read_fixed_period (self, previous, &period))
    return;
  set_day (self->from_entry, &period.start);
  set_day (self->until_entry, &period.end);
}

/* Reads the period fields; FALSE with the reasons under them. */
static gboolean
read_period (LinliReportsDialog *self,
             LinliReportPeriod  *period,
             gboolean            show_errors)
{
  const char *hint = _("Year, month and day, such as 2026-03-31");
  const char *from_error = NULL, *until_error = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;

  if (read_fixed_period (self, adw_combo_row_get_selected (self->period_kind_row), period))
    return TRUE;

  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &first))
    from_error = _("Not a day: write it as 2026-01-01");
  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->until_entry)), &last))
    until_error = _("Not a day: write it as 2026-03-31");
  if (from_error == NULL && until_error == NULL
      && !linli_report_period_init_range (period, &first, &last, &error))
    until_error = error->message;

  if (show_errors)
    {
      show_field (self->from_row, GTK_WIDGET (self->from_entry), from_error, hint);
      show_field (self->until_row, GTK_WIDGET (self->until_entry), until_error, hint);
    }
  return from_error == NULL && until_error == NULL;
}

static void
update_visibility (LinliReportsDialog *self)
{
  LinliReportKind kind = selected_kind (self);
  PeriodChoice period = adw_combo_row_get_selected (self->period_kind_row);
  gboolean is_sheet = kind == LINLI_REPORT_KIND_CASE_SHEET;

  gtk_widget_set_visible (GTK_WIDGET (self->period_group), !is_sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_group), !is_sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->case_group), is_sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), period != PERIOD_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->month_row), period == PERIOD_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_row), period == PERIOD_QUARTER);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), period == PERIOD_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), period == PERIOD_RANGE);
}

static void
fields_changed_cb (LinliReportsDialog *self)
{
  LinliReportPeriod period;

  update_visibility (self);
  fill_range_from_previous (self);
  if (selected_kind (self) != LINLI_REPORT_KIND_CASE_SHEET)
    read_period (self, &period, TRUE);
}

/* The report the fields ask for; FALSE with the field marked when one is
 * wrong. */
static gboolean
read_request (LinliReportsDialog *self,
              LinliReportRequest *out)
{
  LinliReportRequest request = { 0 };
  g_autoptr(GError) error = NULL;
  guint grid;

  request.kind = selected_kind (self);
  if (request.kind == LINLI_REPORT_KIND_CASE_SHEET)
    {
      if (self->case_id == 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->case_row), "linli-field-error");
          return FALSE;
        }
      request.case_id = self->case_id;
      request.show_personal = gtk_switch_get_active (self->personal_switch);
    }
  else
    {
      if (!read_period (self, &request.period, TRUE))
        return FALSE;
      grid = adw_combo_row_get_selected (self->grid_row);
      request.grid_id = grid < self->grid_ids->len ? g_array_index (self->grid_ids, gint64, grid) : 0;
    }
  *out = request;
  return TRUE;
}

LinliReportDoc *
linli_reports_dialog_build (LinliReportsDialog *self)
{
  LinliReportRequest request;
  g_autoptr(GError) error = NULL;
  LinliReportDoc *doc;

  g_return_val_if_fail (LINLI_IS_REPORTS_DIALOG (self), NULL);

  if (!read_request (self, &request))
    return NULL;
  doc = linli_report_build (self->store, &request, &error);
  if (doc == NULL)
    linli_alert_show_message (GTK_WIDGET (self), _("Cannot Make the Report"), error->message);
  return doc;
}

/* The report the fields ask for, built in a job of the parent's job bar
 * and then previewed or printed; the dialog closes onto the bar. */
static LinliJob *
run_in_job (LinliReportsDialog *self,
            gboolean            print)
{
  LinliReportRequest request;
  GtkWindow *parent;
  GtkWindow *window;
  LinliJob *job;

  if (!read_request (self, &request))
    return NULL;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  window = parent != NULL ? parent : GTK_WINDOW (self);
  job = print ? linli_report_actions_print_request (window, self->store, &request)
              : linli_report_actions_preview_request (window, self->store, &request);
  if (parent != NULL)
    gtk_window_close (GTK_WINDOW (self));
  return job;
}

/**
 * linli_reports_dialog_preview:
 *
 * Builds the report the dialog asks for in a job of its parent's job bar
 * and previews it, and closes the dialog; a dialog without a parent stays
 * open and runs the job itself. Cancelled, nothing opens.
 *
 * Returns: (transfer full) (nullable): the job, running, or %NULL with the
 *   reason shown next to the field that is wrong
 */
LinliJob *
linli_reports_dialog_preview (LinliReportsDialog *self)
{
  g_return_val_if_fail (LINLI_IS_REPORTS_DIALOG (self), NULL);
  return run_in_job (self, FALSE);
}

/**
 * linli_reports_dialog_print:
 *
 * As linli_reports_dialog_preview(), but the report built goes to the
 * print dialog, on the parent. Cancelled, nothing is printed.
 *
 * Returns: (transfer full) (nullable): the job, running, or %NULL with the
 *   reason shown next to the field that is wrong
 */
LinliJob *
linli_reports_dialog_print (LinliReportsDialog *self)
{
  g_return_val_if_fail (LINLI_IS_REPORTS_DIALOG (self), NULL);
  return run_in_job (self, TRUE);
}

static void
preview_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LinliJob *job = linli_reports_dialog_preview (LINLI_REPORTS_DIALOG (widget));

  g_clear_object (&job);  /* it runs on; its callback opens the preview */
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  LinliJob *job = linli_reports_dialog_print (LINLI_REPORTS_DIALOG (widget));

  g_clear_object (&job);  /* it runs on; its callback opens the print dialog */
}

/* ---- Export to PDF, in a thread ------------------------------------- */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LinliReportsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  gboolean ok = linli_report_pdf_write_finish (LINLI_STORE (source), result, &error);

  g_clear_object (&self->exporting);
  if (self->store == NULL)
    return;  /* closed meanwhile */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", FALSE);

  if (ok)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* TRANSLATORS: a toast after a report was exported; %s is the file's name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           gtk_widget_get_realized (GTK_WIDGET (self)))
    linli_alert_show_message (GTK_WIDGET (self), _("Cannot Export the Report"), error->message);
}

static void
start_export (LinliReportsDialog       *self,
              const LinliReportRequest *request,
              GFile                    *file)
{
  self->exporting = g_cancellable_new ();
  self->export_file = g_object_ref (file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", TRUE);
  linli_report_pdf_write_async (self->store, request, file, self->exporting, export_done_cb, g_object_ref (self));
}

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  LinliReportsDialog *self = user_data;

  g_clear_object (&self->picking);
  if (file != NULL && self->store != NULL)
    linli_reports_dialog_export_to (self, file);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliReportsDialog *self = LINLI_REPORTS_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;

  if (self->exporting != NULL || self->picking != NULL || !read_request (self, &self->chosen))
    return;
  if (self->chosen.kind != LINLI_REPORT_KIND_CASE_SHEET)
    period = linli_report_period_get_label (&self->chosen.period);
  /* TRANSLATORS: the name proposed for an exported report: its kind, then its period */
  name = period ? g_strdup_printf (_("%1$s, %2$s.pdf"), linli_report_kind_get_label (self->chosen.kind), period)
                : g_strdup_printf ("%s.pdf", linli_report_kind_get_label (self->chosen.kind));
  g_strdelimit (name, "/\\:", '-');
  pick = linli_file_pick_new (_("Export the Report as PDF"));
  linli_file_pick_set_accept_label (pick, _("_Export"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  linli_file_pick_add_filter (pick, filter);
  linli_file_pick_set_initial_name (pick, name);
  /* The dialog closed meanwhile cancels the pick, and the callback is
   * told so; it holds the dialog until then. */
  self->picking = g_cancellable_new ();
  linli_file_pick_save (pick, GTK_WINDOW (self), self->picking, export_chosen_cb,
                        g_object_ref (self), g_object_unref);
}

static void
cancel_export_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LinliReportsDialog *self = LINLI_REPORTS_DIALOG (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
}

static void
fill_kinds (LinliReportsDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < LINLI_N_REPORT_KINDS; i++)
    gtk_string_list_append (kinds, linli_report_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static void
fill_grids (LinliReportsDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) grids = linli_store_list (self->store, LINLI_TYPE_GRID);
  gint64 none = 0;

  gtk_string_list_append (names, _("The whole community"));
  g_array_append_val (self->grid_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *code = linli_record_get_text (grid, "code");
      gint64 id = linli_record_get_id (grid);
      g_autofree char *label = code && *code
        /* TRANSLATORS: a grid to choose: its name, then its code */
        ? g_strdup_printf (_("%1$s (%2$s)"), linli_record_get_text (grid, "name"), code)
        : g_strdup (linli_record_get_text (grid, "name"));

      gtk_string_list_append (names, label);
      g_array_append_val (self->grid_ids, id);
    }
  adw_combo_row_set_model (self->grid_row, G_LIST_MODEL (names));
}

static void
linli_reports_dialog_dispose (GObject *object)
{
  LinliReportsDialog *self = LINLI_REPORTS_DIALOG (object);

  /* A report still being written is not wanted: the file stays as it was. */
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  if (self->picking != NULL)
    g_cancellable_cancel (self->picking);
  g_clear_object (&self->store);
  g_clear_pointer (&self->grid_ids, g_array_unref);

  G_OBJECT_CLASS (linli_reports_dialog_parent_class)->dispose (object);
}

static void
linli_reports_dialog_class_init (LinliReportsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_reports_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-reports-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, period_group);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, period_kind_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, month_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, until_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, grid_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, case_group);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, case_row);
  gtk_widget_class_bind_template_child (widget_class, LinliReportsDialog, personal_switch);

  gtk_widget_class_install_action (widget_class, "reports.preview", NULL, preview_cb);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "reports.cancel-export", NULL, cancel_export_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);
}

/* Last month by the store's clock: the report the office hands in at the
 * start of a month. */
static void
choose_last_month (LinliReportsDialog *self)
{
  g_autoptr(GDateTime) now = linli_store_now (self->store);
  g_autoptr(GDateTime) last_month = g_date_time_add_months (now, -1);

  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (last_month));
  adw_combo_row_set_selected (self->month_row, g_date_time_get_month (last_month) - 1);
  adw_combo_row_set_selected (self->quarter_row, (g_date_time_get_month (last_month) - 1) / 3);
}

static void
linli_reports_dialog_init (LinliReportsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fill_kinds (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", FALSE);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (fields_changed_cb), self);
  g_signal_connect_swapped (self->period_kind_row, "notify::selected", G_CALLBACK (fields_changed_cb), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (fields_changed_cb), self);
  g_signal_connect_swapped (self->until_entry, "changed", G_CALLBACK (fields_changed_cb), self);
  linli_reports_dialog_set_cases (self, NULL, 0);
  update_visibility (self);
}

LinliReportsDialog *
linli_reports_dialog_new (GtkWindow  *parent,
                          LinliStore *store)
{
  LinliReportsDialog *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_REPORTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_grids (self);
  choose_last_month (self);
  return self;
}

void
linli_reports_dialog_set_kind (LinliReportsDialog *self,
                               LinliReportKind     kind)
{
  g_return_if_fail (LINLI_IS_REPORTS_DIALOG (self));
  g_return_if_fail (kind < LINLI_N_REPORT_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

/**
 * linli_reports_dialog_set_cases:
 * @ids: (array length=n_ids) (nullable): the cases chosen on the Cases page
 *
 * The case sheet is of the one case chosen; with none or several, the
 * dialog asks for one.
 */
void
linli_reports_dialog_set_cases (LinliReportsDialog *self,
                                const gint64       *ids,
                                guint               n_ids)
{
  g_autoptr(LinliRecord) record = NULL;
  g_autofree char *several = NULL;

  g_return_if_fail (LINLI_IS_REPORTS_DIALOG (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  self->n_cases = n_ids;
  self->case_id = 0;
  if (n_ids == 1 && self->store != NULL)
    record = linli_store_get (self->store, LINLI_TYPE_CASE, ids[0], NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->case_row), "linli-field-error");
  if (record != NULL)
    {
      self->case_id = ids[0];
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->case_row),
                                     linli_record_get_text (record, "number"));
      adw_action_row_set_subtitle (self->case_row, linli_record_get_text (record, "title"));
      return;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->case_row), _("Select one case on the Cases page"));
  if (n_ids > 1)
    several = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case is selected there",
                                            "%u cases are selected there", n_ids), n_ids);
  adw_action_row_set_subtitle (self->case_row, several != NULL ? several : _("No case is selected there"));
}

/**
 * linli_reports_dialog_export_to:
 * @file: where the PDF goes; cancelled or failed, what was there stays
 *
 * Builds the report the fields ask for and writes it to @file in a
 * thread, as the Export button does once its file is chosen. Closing the
 * dialog, or reports.cancel-export, cancels it.
 *
 * Returns: %FALSE when a field is wrong (it is marked) or an export runs
 */
gboolean
linli_reports_dialog_export_to (LinliReportsDialog *self,
                                GFile              *file)
{
  LinliReportRequest request;

  g_return_val_if_fail (LINLI_IS_REPORTS_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->exporting != NULL || !read_request (self, &request))
    return FALSE;
  start_export (self, &request, file);
  return TRUE;
}

/**
 * linli_reports_dialog_is_exporting:
 *
 * Returns: whether a report is being written
 */
gboolean
linli_reports_dialog_is_exporting (LinliReportsDialog *self)
{
  g_return_val_if_fail (LINLI_IS_REPORTS_DIALOG (self), FALSE);
  return self->exporting != NULL;
}
