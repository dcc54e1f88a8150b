/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-form-field.h"
#include "linli-record-editor.h"
#include "linli-alert.h"
#include "linli-record-section.h"
#include "linli-time-popover.h"
#include "linli-weak-ref.h"

/* In the shape of GNOME Calendar's event editor: sections edit a copy of
 * the record, the editor checks it as a whole after every change and
 * writes it once on Save. */

typedef struct
{
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkWidget        *delete_group;

  LinliStore       *store;
  LinliRecord      *original;  /* as stored; NULL for a new record */
  LinliRecord      *baseline;  /* what "no changes" is */
  LinliRecord      *copy;      /* what the sections edit */
  LinliAlert       *confirm;   /* "Save Changes?" while it is asked */
  GPtrArray        *sections;  /* the LinliRecordSections of the form, in order */
  gboolean          valid;
  gboolean          show_all;  /* every message, not only those of fields touched */
  gboolean          closing;   /* saved, deleted or discarded: close without asking */
  gboolean          focused;   /* the first field had its focus once */
  gboolean          loading;   /* load() fills the form: no change is the user's */
} LinliRecordEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LinliRecordEditor, linli_record_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @format is one of the editor's texts, translated: one %s, for @arg. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
format_text (const char *format,
             const char *arg)
{
  return g_strdup_printf (_(format), arg);
}
#pragma GCC diagnostic pop

static void
set_action_enabled (LinliRecordEditor *self,
                    const char        *verb,
                    gboolean           enabled)
{
  LinliRecordEditorClass *klass = LINLI_RECORD_EDITOR_GET_CLASS (self);
  g_autofree char *name = g_strconcat (klass->action_prefix, ".", verb, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

static gboolean
validate (LinliRecordEditor  *self,
          char              **first)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  priv->valid = LINLI_RECORD_EDITOR_GET_CLASS (self)->validate (self, priv->show_all, first);
  set_action_enabled (self, "save", priv->valid);
  if (priv->confirm != NULL)
    linli_alert_set_response_enabled (priv->confirm, "save", priv->valid);
  return priv->valid;
}

static void
update_title (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  g_autofree char *title = LINLI_RECORD_EDITOR_GET_CLASS (self)->title_for (self, priv->original);

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static gboolean
save (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  LinliRecordEditorClass *klass = LINLI_RECORD_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) saved = NULL;

  priv->show_all = TRUE;
  if (!validate (self, NULL))
    return FALSE;
  if (!klass->write (self, &error))
    {
      g_autofree char *message = format_text (klass->texts->save_failed, error->message);
      linli_record_editor_show_banner (self, message);
      return FALSE;
    }

  saved = linli_store_get (priv->store, G_OBJECT_TYPE (priv->copy), linli_record_get_id (priv->copy), NULL);
  if (saved == NULL)
    saved = linli_record_copy (priv->copy);
  g_set_object (&priv->original, saved);
  g_set_object (&priv->baseline, saved);
  linli_record_editor_show_banner (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, saved);
  return TRUE;
}

static void
close_now (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  priv->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (widget);

  if (save (self))
    close_now (self);
}

static gboolean
delete_record (LinliRecordEditor  *self,
               gpointer           *children,
               GDestroyNotify     *free_children,
               GError            **error)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  return linli_store_delete (priv->store, priv->original, error);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (widget);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  LinliRecordEditorClass *klass = LINLI_RECORD_EDITOR_GET_CLASS (self);
  g_autoptr(LinliRecord) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gpointer children = NULL;
  GDestroyNotify free_children = NULL;

  if (priv->original == NULL)
    return;

  deleted = g_object_ref (priv->original);
  if (!klass->delete (self, &children, &free_children, &error))
    {
      g_autofree char *message = format_text (klass->texts->delete_failed, error->message);
      linli_record_editor_show_banner (self, message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, deleted, children);
  if (free_children != NULL && children != NULL)
    free_children (children);
  close_now (self);
}

/* Runs once the question is answered with Save or Discard, from an idle:
 * closing the editor destroys the dialog that is still answering. */
static gboolean
apply_response_cb (gpointer data)
{
  g_autoptr(LinliRecordEditor) self = data;
  const char *response = g_object_steal_data (G_OBJECT (self), "linli-record-editor-response");

  if (g_strcmp0 (response, "discard") == 0)
    close_now (self);
  else if (g_strcmp0 (response, "save") == 0 && save (self))
    close_now (self);
  return G_SOURCE_REMOVE;
}

static void
response_cb (LinliAlert *alert,
             const char *response,
             gpointer    data)
{
  g_autoptr(LinliRecordEditor) self = g_weak_ref_get (data);
  LinliRecordEditorPrivate *priv;

  /* The editor may be gone: deleted while it asked. */
  if (self == NULL)
    return;
  priv = linli_record_editor_get_instance_private (self);
  g_clear_object (&priv->confirm);
  if (!g_str_equal (response, "save") && !g_str_equal (response, "discard"))
    return;
  g_object_set_data (G_OBJECT (self), "linli-record-editor-response",
                     (gpointer) g_intern_string (response));
  g_idle_add (apply_response_cb, g_object_ref (self));
}

static void
ask_to_save (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  const LinliRecordEditorTexts *texts = LINLI_RECORD_EDITOR_GET_CLASS (self)->texts;
  g_autofree char *first = NULL;
  g_autofree char *body = NULL;

  if (priv->confirm != NULL)
    {
      linli_alert_present (priv->confirm, GTK_WIDGET (self), response_cb,
                           linli_weak_ref_new (self), linli_weak_ref_free);
      return;
    }

  priv->show_all = TRUE;
  if (validate (self, &first))
    body = g_strdup (_(texts->unsaved));
  else
    body = format_text (texts->unsaved_invalid, first);

  priv->confirm = linli_alert_new (_("Save Changes?"), body);
  linli_alert_add_response (priv->confirm, "cancel", _("_Cancel"));
  linli_alert_add_response (priv->confirm, "discard", _("_Discard"));
  linli_alert_add_response (priv->confirm, "save", _("_Save"));
  linli_alert_set_response_appearance (priv->confirm, "discard", ADW_RESPONSE_DESTRUCTIVE);
  linli_alert_set_response_appearance (priv->confirm, "save", ADW_RESPONSE_SUGGESTED);
  linli_alert_set_response_enabled (priv->confirm, "save", priv->valid);
  linli_alert_set_default_response (priv->confirm, priv->valid ? "save" : "cancel");
  linli_alert_set_close_response (priv->confirm, "cancel");
  linli_alert_present (priv->confirm, GTK_WIDGET (self), response_cb,
                       linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
field_changed_cb (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  LinliRecordEditorClass *klass = LINLI_RECORD_EDITOR_GET_CLASS (self);

  if (priv->loading)
    return;
  if (klass->read_fields != NULL)
    klass->read_fields (self);
  validate (self, NULL);
}

/* A text the user typed in: its field shows its message from now on. */
static void
entry_changed_cb (LinliRecordEditor *self,
                  GObject           *sender)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  if (!priv->loading && GTK_IS_EDITABLE (sender))
    linli_form_field_touch (GTK_WIDGET (sender));
  field_changed_cb (self);
}

static void
place_changed_cb (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  if (!priv->loading)
    validate (self, NULL);
}

static gboolean
linli_record_editor_close_request (GtkWindow *window)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (window);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  if (!priv->closing && linli_record_editor_has_changes (self))
    {
      ask_to_save (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (linli_record_editor_parent_class)->close_request (window);
}

/* The first text field of the form, depth first, outside the header bar:
 * the title, which is where a new record starts. */
static GtkWidget *
find_first_field (GtkWidget *widget)
{
  if (GTK_IS_HEADER_BAR (widget) || ADW_IS_HEADER_BAR (widget) || !gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_TEXT (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first_field (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every day-and-time field of the form gets its calendar. */
static void
attach_calendars (GtkWidget  *widget,
                  LinliStore *store)
{
  if (GTK_IS_ENTRY (widget) && linli_form_field_is_time (widget))
    linli_time_popover_attach (GTK_ENTRY (widget), store);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    attach_calendars (child, store);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The titled groups of the form's page, in order. */
static GPtrArray *
list_sections (LinliRecordEditor *self)
{
  GtkWidget *page = find_widget (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_PAGE, NULL);
  GPtrArray *sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *stack[64];
  guint depth = 0;

  if (page == NULL)
    return sections;
  /* Depth first, in order; groups do not hold groups. */
  stack[depth++] = page;
  while (depth > 0)
    {
      GtkWidget *widget = stack[--depth];
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (ADW_IS_PREFERENCES_GROUP (widget))
        {
          const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
          if (title != NULL && *title != '\0' && gtk_widget_get_visible (widget))
            g_ptr_array_add (sections, widget);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0 && depth < G_N_ELEMENTS (stack); i--)
        stack[depth++] = children->pdata[i - 1];
    }
  return sections;
}

/* A row of links over the form, one a section, so that a long form is
 * not only a long scroll; Alt+1… reach them from the keyboard too. */
static void
fill_section_bar (LinliRecordEditor *self)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (self), GTK_TYPE_BOX, "linli-section-bar");
  g_autoptr(GPtrArray) sections = NULL;

  if (bar == NULL)
    return;
  sections = list_sections (self);
  for (guint i = 0; i < sections->len; i++)
    {
      const char *title = adw_preferences_group_get_title (sections->pdata[i]);
      GtkWidget *button = gtk_button_new_with_label (title);
      g_autofree char *tooltip = NULL;

      if (i < 9)
        /* TRANSLATORS: a section of an editor's form, and its key */
        tooltip = g_strdup_printf (_("Go to %s (Alt+%u)"), title, i + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.show-section");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      gtk_box_append (GTK_BOX (bar), button);
    }
}

static void
show_section_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (widget);
  g_autoptr(GPtrArray) sections = list_sections (self);
  guint index = g_variant_get_uint32 (parameter);
  GtkWidget *section, *scrolled;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (index >= sections->len)
    return;
  section = sections->pdata[index];
  scrolled = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
  /* Focus first, as it scrolls to what it focuses; then the section's
   * title to the top. */
  gtk_widget_child_focus (section, GTK_DIR_TAB_FORWARD);
  if (scrolled == NULL || gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (gtk_widget_compute_point (section, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y);
}

static void
collect_sections (GtkWidget *widget,
                  GPtrArray *sections)
{
  if (LINLI_IS_RECORD_SECTION (widget))
    {
      g_ptr_array_add (sections, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_sections (child, sections);
}

static void
section_changed_cb (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  if (!priv->loading)
    validate (self, NULL);
}

/* The form's sections show the copy, and say when the user changes it. */
static void
load_sections (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  collect_sections (GTK_WIDGET (self), priv->sections);
  for (guint i = 0; i < priv->sections->len; i++)
    {
      LinliRecordSection *section = g_ptr_array_index (priv->sections, i);

      linli_record_section_load (section, priv->store, priv->copy, priv->original);
      g_signal_connect_object (section, "changed", G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* A new record starts at its first field, not at Cancel. */
static void
linli_record_editor_map (GtkWidget *widget)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (widget);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  GtkWidget *first;

  GTK_WIDGET_CLASS (linli_record_editor_parent_class)->map (widget);

  if (priv->original == NULL && !priv->focused && (first = find_first_field (widget)) != NULL)
    gtk_widget_grab_focus (first);
  priv->focused = TRUE;
}

static void
linli_record_editor_constructed (GObject *object)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (object);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  LinliRecordEditorClass *klass = LINLI_RECORD_EDITOR_GET_CLASS (self);
  GType type = G_OBJECT_TYPE (self);

  G_OBJECT_CLASS (linli_record_editor_parent_class)->constructed (object);

  g_assert (priv->store != NULL);
  g_assert (klass->action_prefix != NULL);

  priv->error_revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (self), type, "error_revealer"));
  priv->error_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), type, "error_label"));
  priv->delete_group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), type, "delete_group"));

  priv->baseline = priv->original != NULL ? g_object_ref (priv->original) : klass->new_record (self);
  priv->copy = linli_record_copy (priv->baseline);
  priv->loading = TRUE;
  if (klass->load != NULL)
    klass->load (self);
  load_sections (self);
  priv->loading = FALSE;
  attach_calendars (GTK_WIDGET (self), priv->store);
  fill_section_bar (self);

  gtk_widget_set_visible (priv->delete_group, priv->original != NULL);
  set_action_enabled (self, "delete", priv->original != NULL);
  update_title (self);
  /* A stored record says at once what keeps it from being saved. */
  priv->show_all = priv->original != NULL;
  validate (self, NULL);
}

static void
linli_record_editor_dispose (GObject *object)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (object);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  if (priv->confirm != NULL)
    linli_alert_close (priv->confirm);
  g_clear_object (&priv->confirm);
  g_clear_object (&priv->store);
  g_clear_object (&priv->original);
  g_clear_object (&priv->baseline);
  g_clear_object (&priv->copy);
  g_ptr_array_set_size (priv->sections, 0);

  G_OBJECT_CLASS (linli_record_editor_parent_class)->dispose (object);
}

static void
linli_record_editor_finalize (GObject *object)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (object);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_clear_pointer (&priv->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_record_editor_parent_class)->finalize (object);
}

static void
linli_record_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (object);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, priv->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_record_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LinliRecordEditor *self = LINLI_RECORD_EDITOR (object);
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      priv->original = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_record_editor_class_init (LinliRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = linli_record_editor_constructed;
  object_class->dispose = linli_record_editor_dispose;
  object_class->finalize = linli_record_editor_finalize;
  object_class->get_property = linli_record_editor_get_property;
  object_class->set_property = linli_record_editor_set_property;
  widget_class->map = linli_record_editor_map;
  window_class->close_request = linli_record_editor_close_request;
  klass->delete = delete_record;

  gtk_widget_class_install_action (widget_class, "editor.show-section", "u", show_section_cb);
  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "editor.show-section", "u", i);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LINLI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LinliRecordEditor:record:
   *
   * The record as stored; %NULL while a new record is not saved.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, LINLI_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinliRecordEditor::saved:
   * @record: the record as stored now
   *
   * The record was written; the editor closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LINLI_TYPE_RECORD);

  /**
   * LinliRecordEditor::deleted:
   * @record: the record as it was stored, with its id
   * @children: (nullable): what went with it, as the editor's kind says:
   *   a #GListModel of the case's diary entries, a #GPtrArray of the
   *   activity's participations, %NULL for an outreach event
   *
   * The record was deleted and the editor closes. The page shows a toast
   * and may put it back on Undo.
   */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, LINLI_TYPE_RECORD, G_TYPE_POINTER);
}

static void
linli_record_editor_init (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  priv->sections = g_ptr_array_new ();
}

/**
 * linli_record_editor_class_setup:
 * @action_prefix: the name of the editor's actions, such as "case": the
 *   template's buttons run "case.save" and "case.delete"
 * @texts: (transfer none): static messages, marked with N_()
 *
 * Installs the actions Save and Delete and their keys, and finds the
 * template's banner and delete group. Call it from the subclass's
 * class_init, once its template is set.
 */
void
linli_record_editor_class_setup (LinliRecordEditorClass       *klass,
                                 const char                   *action_prefix,
                                 const LinliRecordEditorTexts *texts)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *save_name = g_strconcat (action_prefix, ".save", NULL);
  g_autofree char *delete_name = g_strconcat (action_prefix, ".delete", NULL);

  g_return_if_fail (LINLI_IS_RECORD_EDITOR_CLASS (klass));
  g_return_if_fail (action_prefix != NULL && texts != NULL);

  /* For linli_record_editor_constructed() to find them. */
  gtk_widget_class_bind_template_child_full (widget_class, "error_revealer", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "delete_group", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
  klass->action_prefix = g_strdup (action_prefix);
  klass->texts = texts;
  gtk_widget_class_install_action (widget_class, save_name, NULL, save_cb);
  gtk_widget_class_install_action (widget_class, delete_name, NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_name, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

LinliStore *
linli_record_editor_get_store (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_val_if_fail (LINLI_IS_RECORD_EDITOR (self), NULL);
  return priv->store;
}

/**
 * linli_record_editor_get_original:
 *
 * Returns: (transfer none) (nullable): the record as stored, %NULL for a
 *   new record that is not saved yet
 */
LinliRecord *
linli_record_editor_get_original (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_val_if_fail (LINLI_IS_RECORD_EDITOR (self), NULL);
  return priv->original;
}

/**
 * linli_record_editor_get_copy:
 *
 * Returns: (transfer none): the record as edited so far
 */
LinliRecord *
linli_record_editor_get_copy (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_val_if_fail (LINLI_IS_RECORD_EDITOR (self), NULL);
  return priv->copy;
}

gboolean
linli_record_editor_is_valid (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_val_if_fail (LINLI_IS_RECORD_EDITOR (self), FALSE);
  return priv->valid;
}

/* Changes are what Save would write: the copy's fields and whatever else
 * the editor's kind writes with it. */
gboolean
linli_record_editor_has_changes (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);
  LinliRecordEditorClass *klass;

  g_return_val_if_fail (LINLI_IS_RECORD_EDITOR (self), FALSE);

  klass = LINLI_RECORD_EDITOR_GET_CLASS (self);
  return !linli_record_equal (priv->copy, priv->baseline) ||
         (klass->has_changes != NULL && klass->has_changes (self));
}

/* Whether load() is filling the form: what changes then is not the user's. */
gboolean
linli_record_editor_is_loading (LinliRecordEditor *self)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_val_if_fail (LINLI_IS_RECORD_EDITOR (self), FALSE);
  return priv->loading;
}

/**
 * linli_record_editor_new_of:
 * @editor_type: a subclass of #LinliRecordEditor
 * @parent: (nullable): the window it is modal over
 * @record_or_null: (nullable): the record to edit, %NULL for a new one
 *
 * For the subclasses' constructors.
 *
 * Returns: (transfer full) (type LinliRecordEditor): the editor, not shown yet
 */
gpointer
linli_record_editor_new_of (GType        editor_type,
                            GtkWindow   *parent,
                            LinliStore  *store,
                            LinliRecord *record_or_null)
{
  g_return_val_if_fail (g_type_is_a (editor_type, LINLI_TYPE_RECORD_EDITOR), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  return g_object_new (editor_type,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       "record", record_or_null,
                       NULL);
}

/**
 * linli_record_editor_check_sections:
 * @errors: the errors structure of the editor's kind
 *
 * For validate(): each section adds what its fields could not put in the
 * copy.
 */
void
linli_record_editor_check_sections (LinliRecordEditor *self,
                                    gpointer           errors)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_if_fail (LINLI_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < priv->sections->len; i++)
    linli_record_section_check_input (g_ptr_array_index (priv->sections, i), errors);
}

/* For validate(): each section shows the messages of its fields. */
void
linli_record_editor_show_sections (LinliRecordEditor *self,
                                   gconstpointer      errors,
                                   gboolean           show_all)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_if_fail (LINLI_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < priv->sections->len; i++)
    linli_record_section_show_errors (g_ptr_array_index (priv->sections, i), errors, show_all);
}

/**
 * linli_record_editor_changed:
 *
 * For the subclass: the user changed something. The copy is checked
 * again and each field shows its message.
 */
void
linli_record_editor_changed (LinliRecordEditor *self)
{
  g_return_if_fail (LINLI_IS_RECORD_EDITOR (self));

  validate (self, NULL);
}

/**
 * linli_record_editor_show_banner:
 * @message: (nullable): what went wrong, %NULL to hide the banner
 */
void
linli_record_editor_show_banner (LinliRecordEditor *self,
                                 const char        *message)
{
  LinliRecordEditorPrivate *priv = linli_record_editor_get_instance_private (self);

  g_return_if_fail (LINLI_IS_RECORD_EDITOR (self));

  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (priv->error_revealer, message != NULL);
}
