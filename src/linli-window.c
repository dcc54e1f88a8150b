/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-window"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-activities-page.h"
#include "linli-backup-actions.h"
#include "linli-backups-dialog.h"
#include "linli-building-editor.h"
#include "linli-buildings-dialog.h"
#include "linli-cases-page.h"
#include "linli-geojson-import-dialog.h"
#include "linli-grid-delete.h"
#include "linli-getting-started.h"
#include "linli-grid-drawing.h"
#include "linli-grids-page.h"
#include "linli-job-bar.h"
#include "linli-map-view.h"
#include "linli-outreach-page.h"
#include "linli-page.h"
#include "linli-report-actions.h"
#include "linli-staff-dialog.h"
#include "linli-window.h"

struct _LinliWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *title_stack;
  AdwViewSwitcherTitle *switcher_title;  /* NULL from libadwaita 1.4 on */
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwWindowTitle       *narrow_title;
#endif
  GtkRevealer          *demo_banner;
  GtkRevealer          *read_only_banner;
  GtkLabel             *read_only_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  LinliMapView         *map_view;
  LinliGettingStarted  *getting_started;
  LinliCasesPage       *cases_page;
  LinliActivitiesPage  *activities_page;
  LinliOutreachPage    *outreach_page;
  LinliGridsPage       *grids_page;
  LinliGridDrawing      *grid_drawing;

  GSettings            *settings;
  LinliStore           *store;
  gulong                store_changed_id;
  LinliStore           *page_stores[4];  /* what each of PAGES was given */
};

G_DEFINE_FINAL_TYPE (LinliWindow, linli_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_pages (LinliWindow *self);

#if ADW_CHECK_VERSION (1, 4, 0)
/* The pages' switcher sits in the header bar, and in a bar at the bottom
 * of a narrow window. On libadwaita 1.2 the template's AdwViewSwitcherTitle
 * does that: it shows the title when the switcher does not fit, and the
 * template's AdwViewSwitcherBar shows itself then. 1.4 deprecates
 * AdwViewSwitcherTitle for breakpoints, which 1.2's GtkBuilder cannot
 * load: here the two are swapped for an AdwViewSwitcher and a new
 * AdwViewSwitcherBar, and a breakpoint moves the switcher.
 *
 * Below this width the wide switcher of five pages, the main menu and the
 * window buttons do not fit in the header bar (it is centred strictly):
 * 917 px in English with DejaVu Sans, less in Chinese or Adwaita Sans. In
 * sp, it follows the text scale as the labels do. */
#define NARROW_CONDITION "max-width: 920sp"

static void
set_up_breakpoint (LinliWindow *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->toast_overlay));
  GtkWidget *old_bar = gtk_widget_get_last_child (box);
  GtkWidget *main_title = gtk_stack_new ();
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();
  AdwBreakpoint *breakpoint;

  g_return_if_fail (ADW_IS_VIEW_SWITCHER_BAR (old_bar));

  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->view_stack);
  self->narrow_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Linli"), ""));
  gtk_stack_add_named (GTK_STACK (main_title), switcher, "switcher");
  gtk_stack_add_named (GTK_STACK (main_title), GTK_WIDGET (self->narrow_title), "title");
  gtk_stack_set_visible_child_name (GTK_STACK (main_title), "switcher");

  /* The switcher title stays unshown until the template is disposed; the
   * template's binding of the old bar's reveal goes with the old bar. */
  gtk_stack_remove (self->title_stack, GTK_WIDGET (self->switcher_title));
  self->switcher_title = NULL;
  gtk_stack_add_named (self->title_stack, main_title, "main");
  gtk_box_remove (GTK_BOX (box), old_bar);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->view_stack);
  gtk_box_append (GTK_BOX (box), bar);

  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse (NARROW_CONDITION));
  adw_breakpoint_add_setters (breakpoint,
                              G_OBJECT (main_title), "visible-child-name", "title",
                              G_OBJECT (bar), "reveal", TRUE,
                              NULL);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
}
#endif

/* The community's name and where it is, over the pages. */
static void
set_header_title (LinliWindow *self,
                  const char  *title,
                  const char  *subtitle)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_window_title_set_title (self->narrow_title, title);
  adw_window_title_set_subtitle (self->narrow_title, subtitle != NULL ? subtitle : "");
#else
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
#endif
}

static void
update_title (LinliWindow *self)
{
  g_autoptr(LinliCommunity) community = NULL;
  g_autofree char *subtitle = NULL;
  const char *name;
  gboolean is_demo;

  if (self->store == NULL || (community = linli_store_dup_community (self->store)) == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Linli"));
      gtk_revealer_set_reveal_child (self->demo_banner, FALSE);
      return;
    }

  name = linli_record_get_text (LINLI_RECORD (community), "name");
  is_demo = linli_record_get_bool (LINLI_RECORD (community), "is_demo");
  if (is_demo)
    subtitle = g_strdup (_("Demo Data"));
  else
    subtitle = g_strjoin (" · ",
                          linli_record_get_text (LINLI_RECORD (community), "subdistrict") ?: "",
                          linli_record_get_text (LINLI_RECORD (community), "city") ?: "",
                          NULL);

  {
    /* TRANSLATORS: the window title: the community's name, and "(Demo)" for the demo */
    g_autofree char *title = is_demo ? g_strdup_printf (_("%s (Demo)"), name) : g_strdup (name);
    gtk_window_set_title (GTK_WINDOW (self), title);
    set_header_title (self, title, g_strcmp0 (subtitle, " · ") == 0 ? NULL : subtitle);
  }
  gtk_revealer_set_reveal_child (self->demo_banner, is_demo);
}

/* Says so when nothing can be changed, and why: another Linli is writing
 * the file, or it may only be read; and offers nothing that would write.
 * Records still open, to be read and printed. */
static void
update_read_only (LinliWindow *self)
{
  static const struct {
    gsize       page;     /* offset of the widget in LinliWindow; 0 for the window */
    const char *action;
  } writing[] = {
    { 0, "window.new-case" },
    { 0, "window.import-geojson" },
    { G_STRUCT_OFFSET (LinliWindow, cases_page), "cases.new" },
    { G_STRUCT_OFFSET (LinliWindow, cases_page), "cases.import" },
    { G_STRUCT_OFFSET (LinliWindow, cases_page), "cases.assign" },
    { G_STRUCT_OFFSET (LinliWindow, cases_page), "cases.set-status" },
    { G_STRUCT_OFFSET (LinliWindow, activities_page), "activities.new" },
    { G_STRUCT_OFFSET (LinliWindow, activities_page), "activities.import" },
    { G_STRUCT_OFFSET (LinliWindow, activities_page), "activities.import-volunteers" },
    { G_STRUCT_OFFSET (LinliWindow, activities_page), "activities.organisations" },
    { G_STRUCT_OFFSET (LinliWindow, outreach_page), "outreach.new" },
    { G_STRUCT_OFFSET (LinliWindow, outreach_page), "outreach.organisations" },
  };
  g_autofree char *message = self->store ? linli_store_dup_read_only_message (self->store) : NULL;

  gtk_label_set_text (self->read_only_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->read_only_banner, message != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (writing); i++)
    {
      GtkWidget *widget = writing[i].page ? G_STRUCT_MEMBER (GtkWidget *, self, writing[i].page) : GTK_WIDGET (self);
      gtk_widget_action_set_enabled (widget, writing[i].action, message == NULL);
    }
}

/* The welcome page without a database, a request to set up the community
 * for a database that has none, or the pages. */
static void
update_content (LinliWindow *self)
{
  g_autoptr(LinliCommunity) community = self->store ? linli_store_dup_community (self->store) : NULL;
  const char *page = self->store == NULL ? "welcome" : community == NULL ? "setup" : "main";

  static const char * const of_a_community[] = {
    "window.reports", "window.print", "window.export-geojson", "window.staff", "window.buildings",
    "window.save-copy",
  };
  gboolean main = g_str_equal (page, "main");

  gtk_stack_set_visible_child_name (self->title_stack, main ? "main" : "welcome");
  gtk_stack_set_visible_child_name (self->content_stack, page);
  /* The menu offers what needs a community only when one is open. */
  for (guint i = 0; i < G_N_ELEMENTS (of_a_community); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), of_a_community[i], main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.import-geojson",
                                 main && !linli_store_is_read_only (self->store));
  load_pages (self);
}

/* The base map is stored with the community. */
static void
update_base_map (LinliWindow *self)
{
  g_autoptr(LinliCommunity) community = self->store ? linli_store_dup_community (self->store) : NULL;
  linli_map_view_set_base_map (self->map_view, community);
}

/* The pages read when first shown, by their names in the view stack. */
static const struct {
  const char *name;
  gsize       offset;   /* of the page in LinliWindow */
} PAGES[] = {
  { "grids", G_STRUCT_OFFSET (LinliWindow, grids_page) },
  { "cases", G_STRUCT_OFFSET (LinliWindow, cases_page) },
  { "activities", G_STRUCT_OFFSET (LinliWindow, activities_page) },
  { "outreach", G_STRUCT_OFFSET (LinliWindow, outreach_page) },
};

enum { CASES_PAGE = 1 };

/* The pages other than the map get the store when they are first shown, not
 * before: the window shows as soon as the page it shows is ready, and the
 * others are read when asked for. A page keeps the store once it has it; a
 * page that had another store lets go of it. @given is what the page was
 * given last, which it holds. */
static void
load_page (LinliWindow  *self,
           const char   *name,
           LinliPage    *page,
           LinliStore  **given)
{
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") == 0 &&
                   g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), name) == 0;
  LinliStore *wanted = shown || *given == self->store ? self->store : NULL;

  if (wanted == *given)
    return;
  *given = wanted;
  linli_page_set_store (page, wanted);
}

static void
load_pages (LinliWindow *self)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (PAGES) == G_N_ELEMENTS (self->page_stores));

  for (guint i = 0; i < G_N_ELEMENTS (PAGES); i++)
    load_page (self, PAGES[i].name, G_STRUCT_MEMBER (LinliPage *, self, PAGES[i].offset), &self->page_stores[i]);
}

static void
store_changed_cb (LinliWindow *self,
                  GType        type,
                  LinliChange  change,
                  gint64       id)
{
  if (type == LINLI_TYPE_COMMUNITY)
    {
      /* A community just set up: centre the map on it. */
      if (change == LINLI_CHANGE_INSERTED)
        linli_map_view_set_store (self->map_view, self->store);
      update_title (self);
      update_content (self);
      update_base_map (self);
    }
}

static void
import_geojson_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  if (self->store != NULL)
    linli_geojson_import_choose (GTK_WINDOW (self), self->store);
}

static void
export_geojson_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  if (self->store != NULL)
    linli_geojson_export_choose (GTK_WINDOW (self), self->store);
}

/* window.backups, window.staff and window.buildings: a dialog over the
 * window, of its store. */
static void
dialog_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);
  GtkWindow *parent = GTK_WINDOW (self);
  GtkWindow *dialog;

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "window.backups"))
    dialog = GTK_WINDOW (linli_backups_dialog_new (parent, self->store));
  else if (g_str_equal (action_name, "window.staff"))
    dialog = GTK_WINDOW (linli_staff_dialog_new (parent, self->store));
  else
    dialog = GTK_WINDOW (linli_buildings_dialog_new (parent, self->store));
  gtk_window_present (dialog);
}

static void
save_copy_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  if (self->store != NULL)
    linli_backup_actions_save_copy (GTK_WINDOW (self), self->store);
}

static void
linli_window_dispose (GObject *object)
{
  LinliWindow *self = LINLI_WINDOW (object);

  linli_window_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (linli_window_parent_class)->dispose (object);
}

static void
linli_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LinliWindow *self = LINLI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LinliWindow *self = LINLI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      linli_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Ctrl+N from any page: a new activity or outreach event on their pages,
 * and elsewhere a new case, what the office registers most. */
static void
new_case_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);
  const char *page;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  page = adw_view_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (page, "activities") == 0)
    linli_record_list_page_new_record (LINLI_RECORD_LIST_PAGE (self->activities_page));
  else if (g_strcmp0 (page, "outreach") == 0)
    linli_record_list_page_new_record (LINLI_RECORD_LIST_PAGE (self->outreach_page));
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "cases");
      linli_record_list_page_new_record (LINLI_RECORD_LIST_PAGE (self->cases_page));
    }
}

/* Ctrl+F searches the activities or outreach events on their pages, and
 * the cases from anywhere else. */
static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);
  const char *page;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  page = adw_view_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (page, "activities") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->activities_page), "activities.find", NULL);
  else if (g_strcmp0 (page, "outreach") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->outreach_page), "outreach.find", NULL);
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "cases");
      gtk_widget_activate_action (GTK_WIDGET (self->cases_page), "cases.find", NULL);
    }
}

/* win.open-case, with the case's id: its editor over the page it was asked
 * from (the map), with the Cases page's Undo when it is deleted. */
static void
open_case_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LinliWindow *self = LINLI_WINDOW (user_data);

  /* The Cases page opens it, and offers Undo when it is deleted, whether
   * or not it has been shown yet. */
  linli_record_list_page_open (LINLI_RECORD_LIST_PAGE (linli_window_get_cases_page (self)), g_variant_get_int64 (parameter));
}

/* win.print-case-sheet, with the case's id: its 民情事件处理单 in the
 * report preview. */
static void
print_case_sheet_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  LinliWindow *self = LINLI_WINDOW (user_data);

  if (self->store != NULL)
    linli_report_actions_print_case_sheet (GTK_WINDOW (self), self->store, g_variant_get_int64 (parameter));
}

/* win.open-activity and win.open-outreach, with the record's id: the
 * editor, over the page of its kind. */
static void
open_activity_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LinliWindow *self = LINLI_WINDOW (user_data);

  linli_window_show_page (self, "activities");
  linli_record_list_page_open (LINLI_RECORD_LIST_PAGE (self->activities_page), g_variant_get_int64 (parameter));
}

static void
open_outreach_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LinliWindow *self = LINLI_WINDOW (user_data);

  linli_window_show_page (self, "outreach");
  linli_record_list_page_open (LINLI_RECORD_LIST_PAGE (self->outreach_page), g_variant_get_int64 (parameter));
}

/* win.open-building, with the building's id: its editor, as the map asks
 * for a building clicked. */
static void
open_building_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LinliWindow *self = LINLI_WINDOW (user_data);
  g_autoptr(LinliRecord) building = NULL;

  if (self->store != NULL)
    building = linli_store_get (self->store, LINLI_TYPE_BUILDING, g_variant_get_int64 (parameter), NULL);
  if (building != NULL)
    gtk_window_present (GTK_WINDOW (linli_building_editor_new (GTK_WINDOW (self), self->store, building)));
}

/* window.show-area, with a box (south, west, north, east in degrees): the
 * map, showing it, as after an import of features there. */
static void
show_area_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);
  double south, west, north, east;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  g_variant_get (parameter, "(dddd)", &south, &west, &north, &east);
  if (!(south <= north && west <= east))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  linli_map_view_show_bounds (self->map_view, south, west, north, east);
}

/* Ctrl+P: what the page shows, on paper. */
static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);
  g_autofree char *filter = NULL;
  g_autoptr(GArray) selected = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  filter = linli_cases_page_describe_filter (self->cases_page);
  selected = linli_record_list_page_dup_selected_ids (LINLI_RECORD_LIST_PAGE (self->cases_page));
  linli_report_actions_print_page (GTK_WINDOW (self), self->store,
                                   adw_view_stack_get_visible_child_name (self->view_stack),
                                   linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (self->cases_page)), filter,
                                   selected);
}

/* window.toast, with the message: how dialogs below the window (the ui
 * layer) tell what they did, without knowing the window. */
static void
toast_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  linli_window_add_toast (LINLI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+R: the reports the office hands in. */
static void
reports_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);
  g_autoptr(GArray) selected = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  selected = linli_record_list_page_dup_selected_ids (LINLI_RECORD_LIST_PAGE (self->cases_page));
  linli_report_actions_open_reports (GTK_WINDOW (self), self->store, LINLI_REPORT_KIND_SUMMARY, selected);
}

static void
show_page_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  linli_window_show_page (LINLI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* From the map's grid panel: the Cases page, showing that grid's cases. */
static void
show_grid_cases_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  linli_cases_page_show_grid (self->cases_page, g_variant_get_int64 (parameter));
}

static void
delete_grid_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  if (self->store != NULL)
    linli_grid_delete_ask (GTK_WINDOW (self), self->store, g_variant_get_int64 (parameter));
}

/* From the empty community's map: drawing the first grid. */
static void
new_grid_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  gtk_widget_activate_action (GTK_WIDGET (self->map_view), "grid-edit.new", NULL);
}

/* From Grid Properties and the Grids page: the map, editing the outline. */
static void
edit_outline_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LinliWindow *self = LINLI_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->map_view), "grid-edit.edit", parameter);
}

static void
linli_window_class_init (LinliWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_window_dispose;
  object_class->get_property = linli_window_get_property;
  object_class->set_property = linli_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LINLI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LINLI_TYPE_MAP_VIEW);
  g_type_ensure (LINLI_TYPE_GETTING_STARTED);
  g_type_ensure (LINLI_TYPE_JOB_BAR);
  g_type_ensure (LINLI_TYPE_GRIDS_PAGE);
  g_type_ensure (LINLI_TYPE_CASES_PAGE);
  g_type_ensure (LINLI_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (LINLI_TYPE_OUTREACH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, getting_started);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, cases_page);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, activities_page);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, outreach_page);
  gtk_widget_class_bind_template_child (widget_class, LinliWindow, grids_page);

  gtk_widget_class_install_action (widget_class, "window.show-page", "s", show_page_cb);
  gtk_widget_class_install_action (widget_class, "window.new-case", NULL, new_case_cb);
  gtk_widget_class_install_action (widget_class, "window.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "window.show-grid-cases", "x", show_grid_cases_cb);
  gtk_widget_class_install_action (widget_class, "window.import-geojson", NULL, import_geojson_cb);
  gtk_widget_class_install_action (widget_class, "window.export-geojson", NULL, export_geojson_cb);
  gtk_widget_class_install_action (widget_class, "window.backups", NULL, dialog_cb);
  gtk_widget_class_install_action (widget_class, "window.staff", NULL, dialog_cb);
  gtk_widget_class_install_action (widget_class, "window.buildings", NULL, dialog_cb);
  gtk_widget_class_install_action (widget_class, "window.delete-grid", "x", delete_grid_cb);
  gtk_widget_class_install_action (widget_class, "window.edit-outline", "x", edit_outline_cb);
  gtk_widget_class_install_action (widget_class, "window.new-grid", NULL, new_grid_cb);
  gtk_widget_class_install_action (widget_class, "window.save-copy", NULL, save_copy_cb);
  gtk_widget_class_install_action (widget_class, "window.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "window.reports", NULL, reports_cb);
  gtk_widget_class_install_action (widget_class, "window.toast", "s", toast_cb);
  gtk_widget_class_install_action (widget_class, "window.show-area", "(dddd)", show_area_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "window.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "window.reports", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "window.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "window.new-case", NULL);
  /* Alt+1 … Alt+5 switch pages, as in other GNOME apps with a view switcher. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "window.show-page", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "window.show-page", "s", "cases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "window.show-page", "s", "activities");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "window.show-page", "s", "outreach");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "window.show-page", "s", "grids");
}

static const GActionEntry win_actions[] = {
  { .name = "open-case", .activate = open_case_cb, .parameter_type = "x" },
  { .name = "open-activity", .activate = open_activity_cb, .parameter_type = "x" },
  { .name = "open-outreach", .activate = open_outreach_cb, .parameter_type = "x" },
  { .name = "open-building", .activate = open_building_cb, .parameter_type = "x" },
  { .name = "print-case-sheet", .activate = print_case_sheet_cb, .parameter_type = "x" },
};

static void
linli_window_init (LinliWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
#if ADW_CHECK_VERSION (1, 4, 0)
  set_up_breakpoint (self);
#endif
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (load_pages), self,
                           G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  linli_window_set_store (self, NULL);
}

LinliWindow *
linli_window_new (GtkApplication *application)
{
  return g_object_new (LINLI_TYPE_WINDOW, "application", application, NULL);
}

LinliStore *
linli_window_get_store (LinliWindow *self)
{
  g_return_val_if_fail (LINLI_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * linli_window_set_store:
 * @store: (nullable): the database to show; %NULL shows the welcome page
 */
void
linli_window_set_store (LinliWindow *self,
                        LinliStore  *store)
{
  g_return_if_fail (LINLI_IS_WINDOW (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  if (self->store != NULL && self->store == store)
    return;

  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);

  linli_map_view_set_store (self->map_view, store);
  linli_getting_started_set_store (self->getting_started, store);
  update_base_map (self);
  g_clear_object (&self->grid_drawing);
  /* New Grid and Edit Grid only where the grids can be written. */
  if (store != NULL && !linli_store_is_read_only (store))
    self->grid_drawing = linli_grid_drawing_new (self->map_view, store);
  update_title (self);
  update_read_only (self);
  update_content (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
linli_window_show_page (LinliWindow *self,
                        const char  *name)
{
  g_return_if_fail (LINLI_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
linli_window_add_toast (LinliWindow *self,
                        const char  *message)
{
  g_return_if_fail (LINLI_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

GtkWidget *
linli_window_get_cases_page (LinliWindow *self)
{
  g_return_val_if_fail (LINLI_IS_WINDOW (self), NULL);
  /* Whoever asks for the page wants its cases, shown or not. */
  if (self->page_stores[CASES_PAGE] != self->store)
    {
      self->page_stores[CASES_PAGE] = self->store;
      linli_page_set_store (LINLI_PAGE (self->cases_page), self->store);
    }
  return GTK_WIDGET (self->cases_page);
}

GtkWidget *
linli_window_get_map_view (LinliWindow *self)
{
  g_return_val_if_fail (LINLI_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->map_view);
}
