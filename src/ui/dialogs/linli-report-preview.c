/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-job-bar.h"
#include "linli-print-operation.h"
#include "linli-report-layout.h"
#include "linli-report-preview.h"

/* Pixels per point at 100%: 96 dpi. */
#define PX_PER_PT (96.0 / 72.0)
#define MARGIN 24
#define MIN_ZOOM 0.25
#define MAX_ZOOM 4.0
/* A whole A4 page wide in the window's default width. */
#define DEFAULT_ZOOM 0.85

struct _LinliReportPreview
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *zoom_button;
  GtkScrolledWindow    *scrolled;
  GtkDrawingArea       *page_area;

  LinliReportDoc       *doc;
  LinliReportLayout    *layout;
  guint                 page;
  double                zoom;
};

G_DEFINE_FINAL_TYPE (LinliReportPreview, linli_report_preview, ADW_TYPE_WINDOW)

static void
update (LinliReportPreview *self)
{
  guint n_pages = linli_report_layout_get_n_pages (self->layout);
  g_autofree char *subtitle = NULL;
  g_autofree char *zoom = NULL;
  double width, height;

  linli_report_layout_get_paper_size (self->layout, &width, &height);
  gtk_drawing_area_set_content_width (self->page_area, (int) (width * PX_PER_PT * self->zoom) + 2 * MARGIN);
  gtk_drawing_area_set_content_height (self->page_area, (int) (height * PX_PER_PT * self->zoom) + 2 * MARGIN);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));

  /* TRANSLATORS: under a report's title in its preview */
  subtitle = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  zoom = g_strdup_printf ("%.0f%%", self->zoom * 100);
  gtk_button_set_label (self->zoom_button, zoom);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > MIN_ZOOM);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LinliReportPreview *self = user_data;
  double paper_w, paper_h, scale = PX_PER_PT * self->zoom;

  linli_report_layout_get_paper_size (self->layout, &paper_w, &paper_h);

  /* The desk, a shadow, the sheet. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, MARGIN + 2, MARGIN + 3, paper_w * scale, paper_h * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, MARGIN, MARGIN, paper_w * scale, paper_h * scale);
  cairo_fill (cr);

  cairo_translate (cr, MARGIN, MARGIN);
  cairo_scale (cr, scale, scale);
  linli_report_layout_draw_page (self->layout, cr, self->page);
}

void
linli_report_preview_set_page (LinliReportPreview *self,
                               guint               page)
{
  g_return_if_fail (LINLI_IS_REPORT_PREVIEW (self));

  self->page = MIN (page, linli_report_layout_get_n_pages (self->layout) - 1);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  update (self);
}

guint
linli_report_preview_get_page (LinliReportPreview *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_PREVIEW (self), 0);
  return self->page;
}

guint
linli_report_preview_get_n_pages (LinliReportPreview *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_PREVIEW (self), 0);
  return linli_report_layout_get_n_pages (self->layout);
}

static void
page_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliReportPreview *self = LINLI_REPORT_PREVIEW (widget);
  guint n_pages = linli_report_layout_get_n_pages (self->layout);

  if (g_str_equal (action_name, "preview.previous-page") && self->page > 0)
    linli_report_preview_set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "preview.next-page") && self->page + 1 < n_pages)
    linli_report_preview_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "preview.first-page"))
    linli_report_preview_set_page (self, 0);
  else if (g_str_equal (action_name, "preview.last-page"))
    linli_report_preview_set_page (self, n_pages - 1);
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliReportPreview *self = LINLI_REPORT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    self->zoom = MIN (self->zoom * 1.25, MAX_ZOOM);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    self->zoom = MAX (self->zoom / 1.25, MIN_ZOOM);
  else
    self->zoom = DEFAULT_ZOOM;
  update (self);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  LinliReportPreview *self = LINLI_REPORT_PREVIEW (widget);

  linli_print_operation_print (self->doc, GTK_WINDOW (self));
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliReportPreview *self = LINLI_REPORT_PREVIEW (widget);

  linli_print_operation_choose_export (self->doc, GTK_WINDOW (self), self->toast_overlay);
}

static void
linli_report_preview_dispose (GObject *object)
{
  LinliReportPreview *self = LINLI_REPORT_PREVIEW (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (linli_report_preview_parent_class)->dispose (object);
}

static void
linli_report_preview_class_init (LinliReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_report_preview_dispose;

  g_type_ensure (LINLI_TYPE_JOB_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-report-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliReportPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliReportPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, LinliReportPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, LinliReportPreview, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LinliReportPreview, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_cb);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_cb);
  gtk_widget_class_install_action (widget_class, "preview.first-page", NULL, page_cb);
  gtk_widget_class_install_action (widget_class, "preview.last-page", NULL, page_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "preview.export", NULL, export_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "preview.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "preview.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "preview.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_report_preview_init (LinliReportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = DEFAULT_ZOOM;
  gtk_drawing_area_set_draw_func (self->page_area, draw_page, self, NULL);
}

LinliReportPreview *
linli_report_preview_new (GtkWindow      *parent,
                          LinliReportDoc *doc)
{
  LinliReportPreview *self;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), NULL);

  self = g_object_new (LINLI_TYPE_REPORT_PREVIEW, "transient-for", parent, NULL);
  self->doc = g_object_ref (doc);
  self->layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  adw_window_title_set_title (self->window_title, linli_report_doc_get_title (doc));
  gtk_window_set_title (GTK_WINDOW (self), linli_report_doc_get_title (doc));
  update (self);
  return self;
}
