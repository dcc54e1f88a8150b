/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-csv-mapping"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-csv-mapping.h"
#include "linli-text.h"

#define N_SAMPLES     3
#define SAMPLE_LENGTH 24   /* characters of a cell shown */

G_DEFINE_QUARK (linli-csv-mapping-error-quark, linli_csv_mapping_error)

/* ------------------------------------------------------------------------ */
/* A column of the file */

struct _LinliCsvColumn
{
  GObject  parent_instance;

  guint    index;
  char    *header;
  char    *samples;
  int      field;
};

G_DEFINE_FINAL_TYPE (LinliCsvColumn, linli_csv_column, G_TYPE_OBJECT)

enum {
  COLUMN_PROP_0,
  COLUMN_PROP_INDEX,
  COLUMN_PROP_HEADER,
  COLUMN_PROP_SAMPLES,
  COLUMN_PROP_FIELD,
  N_COLUMN_PROPS
};

static GParamSpec *column_props[N_COLUMN_PROPS];

static void
linli_csv_column_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LinliCsvColumn *self = LINLI_CSV_COLUMN (object);

  switch (prop_id)
    {
    case COLUMN_PROP_INDEX:   g_value_set_uint (value, self->index); break;
    case COLUMN_PROP_HEADER:  g_value_set_string (value, self->header); break;
    case COLUMN_PROP_SAMPLES: g_value_set_string (value, self->samples); break;
    case COLUMN_PROP_FIELD:   g_value_set_int (value, self->field); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_csv_column_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LinliCsvColumn *self = LINLI_CSV_COLUMN (object);

  switch (prop_id)
    {
    case COLUMN_PROP_FIELD: linli_csv_column_set_field (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_csv_column_finalize (GObject *object)
{
  LinliCsvColumn *self = LINLI_CSV_COLUMN (object);

  g_free (self->header);
  g_free (self->samples);

  G_OBJECT_CLASS (linli_csv_column_parent_class)->finalize (object);
}

static void
linli_csv_column_class_init (LinliCsvColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = linli_csv_column_get_property;
  object_class->set_property = linli_csv_column_set_property;
  object_class->finalize = linli_csv_column_finalize;

  column_props[COLUMN_PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  column_props[COLUMN_PROP_HEADER] = g_param_spec_string ("header", NULL, NULL, NULL, ro);
  column_props[COLUMN_PROP_SAMPLES] = g_param_spec_string ("samples", NULL, NULL, NULL, ro);
  /**
   * LinliCsvColumn:field:
   *
   * The field the column fills, or %LINLI_CSV_FIELD_NONE.
   */
  column_props[COLUMN_PROP_FIELD] =
    g_param_spec_int ("field", NULL, NULL, LINLI_CSV_FIELD_NONE, G_MAXINT, LINLI_CSV_FIELD_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_COLUMN_PROPS, column_props);
}

static void
linli_csv_column_init (LinliCsvColumn *self)
{
  self->field = LINLI_CSV_FIELD_NONE;
}

guint
linli_csv_column_get_index (LinliCsvColumn *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_COLUMN (self), 0);
  return self->index;
}

const char *
linli_csv_column_get_header (LinliCsvColumn *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_COLUMN (self), NULL);
  return self->header;
}

/**
 * linli_csv_column_get_samples:
 *
 * Returns: the first cells of the column, one line, " · " between them
 */
const char *
linli_csv_column_get_samples (LinliCsvColumn *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_COLUMN (self), NULL);
  return self->samples;
}

int
linli_csv_column_get_field (LinliCsvColumn *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_COLUMN (self), LINLI_CSV_FIELD_NONE);
  return self->field;
}

void
linli_csv_column_set_field (LinliCsvColumn *self,
                            int             field)
{
  g_return_if_fail (LINLI_IS_CSV_COLUMN (self));

  if (field < 0)
    field = LINLI_CSV_FIELD_NONE;
  if (self->field == field)
    return;
  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), column_props[COLUMN_PROP_FIELD]);
}

/* ------------------------------------------------------------------------ */
/* The mapping */

struct _LinliCsvMapping
{
  GObject              parent_instance;

  LinliCsvTable       *table;
  const LinliCsvField *fields;
  guint                n_fields;
  GPtrArray           *columns;   /* LinliCsvColumn */
};

static void linli_csv_mapping_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCsvMapping, linli_csv_mapping, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, linli_csv_mapping_iface_init))

static GType
linli_csv_mapping_get_item_type (GListModel *model)
{
  return LINLI_TYPE_CSV_COLUMN;
}

static guint
linli_csv_mapping_get_n_items (GListModel *model)
{
  return LINLI_CSV_MAPPING (model)->columns->len;
}

static gpointer
linli_csv_mapping_get_item (GListModel *model,
                            guint       position)
{
  LinliCsvMapping *self = LINLI_CSV_MAPPING (model);

  if (position >= self->columns->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->columns, position));
}

static void
linli_csv_mapping_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = linli_csv_mapping_get_item_type;
  iface->get_n_items = linli_csv_mapping_get_n_items;
  iface->get_item = linli_csv_mapping_get_item;
}

static void
linli_csv_mapping_finalize (GObject *object)
{
  LinliCsvMapping *self = LINLI_CSV_MAPPING (object);

  g_clear_pointer (&self->table, linli_csv_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_csv_mapping_parent_class)->finalize (object);
}

static void
linli_csv_mapping_class_init (LinliCsvMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = linli_csv_mapping_finalize;
}

static void
linli_csv_mapping_init (LinliCsvMapping *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
}

/* "开始时间（必填）" → "开始时间", "Start_At" → "startat". */
static char *
normalize_header (const char *header)
{
  g_autofree char *nfkc = g_utf8_normalize (header != NULL ? header : "", -1, G_NORMALIZE_ALL_COMPOSE);
  GString *key = g_string_new (NULL);

  for (const char *p = nfkc != NULL ? nfkc : ""; *p != '\0'; p++)
    {
      /* NFKC has made the full-width bracket a plain one. */
      if (*p == '(')
        break;
      if (g_ascii_isspace (*p) || *p == '_' || *p == '-' || *p == '*')
        continue;
      /* A BOM that a tool left on a header. */
      if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
        {
          p += 2;
          continue;
        }
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  return g_string_free (key, FALSE);
}

static const char *
field_label (const LinliCsvField *field)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "csv field", field->label);
}

static int
field_for_header (LinliCsvMapping *self,
                  const char      *header)
{
  g_autofree char *key = normalize_header (header);

  if (*key == '\0')
    return LINLI_CSV_FIELD_NONE;
  for (guint f = 0; f < self->n_fields; f++)
    {
      g_autofree char *own = normalize_header (self->fields[f].header);
      g_autofree char *msgid = normalize_header (self->fields[f].label);
      g_autofree char *label = normalize_header (field_label (&self->fields[f]));
      g_auto(GStrv) aliases = g_strsplit (self->fields[f].aliases ? self->fields[f].aliases : "", "|", -1);

      if (g_str_equal (key, own) || g_str_equal (key, msgid) || g_str_equal (key, label))
        return (int) f;
      for (guint i = 0; aliases[i] != NULL; i++)
        {
          g_autofree char *alias = normalize_header (aliases[i]);
          if (*alias != '\0' && g_str_equal (key, alias))
            return (int) f;
        }
    }
  return LINLI_CSV_FIELD_NONE;
}

static char *
samples_of (LinliCsvTable *table,
            guint          column)
{
  g_autoptr(GString) samples = g_string_new (NULL);
  guint n = MIN (linli_csv_table_get_n_rows (table), N_SAMPLES);

  for (guint row = 0; row < n; row++)
    {
      const char *cell = linli_csv_table_get_cell (table, row, column);
      /* An empty cell still shows, so the samples line up with the rows. */
      g_autofree char *line = g_strdup (cell && *cell ? cell : "—");

      g_strdelimit (line, "\r\n\t", ' ');
      if (g_utf8_strlen (line, -1) > SAMPLE_LENGTH)
        {
          *g_utf8_offset_to_pointer (line, SAMPLE_LENGTH) = '\0';
          g_string_append_printf (samples, "%s%s…", samples->len ? " · " : "", line);
        }
      else
        g_string_append_printf (samples, "%s%s", samples->len ? " · " : "", line);
    }
  return g_string_free (g_steal_pointer (&samples), FALSE);
}

/**
 * linli_csv_mapping_new:
 * @fields: (array length=n_fields): what a record of the import has; kept,
 *   not copied (a static table)
 *
 * Guesses what each column of @table holds from its header: the headers
 * of the export, the office's other words for them and the labels of the
 * preview. Each field goes to the first column that names it.
 *
 * Returns: (transfer full): the mapping
 */
LinliCsvMapping *
linli_csv_mapping_new (LinliCsvTable       *table,
                       const LinliCsvField *fields,
                       guint                n_fields)
{
  LinliCsvMapping *self;
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_fields, 1));

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (fields != NULL && n_fields > 0, NULL);

  self = g_object_new (LINLI_TYPE_CSV_MAPPING, NULL);
  self->table = linli_csv_table_ref (table);
  self->fields = fields;
  self->n_fields = n_fields;
  for (guint c = 0; c < linli_csv_table_get_n_columns (table); c++)
    {
      LinliCsvColumn *column = g_object_new (LINLI_TYPE_CSV_COLUMN, NULL);
      const char *header = linli_csv_table_get_header (table, c);
      int field = field_for_header (self, header);

      column->index = c;
      column->header = g_strdup (header != NULL ? header : "");
      column->samples = samples_of (table, c);
      if (field != LINLI_CSV_FIELD_NONE && !used[field])
        {
          column->field = field;
          used[field] = TRUE;
        }
      g_ptr_array_add (self->columns, column);
    }
  return self;
}

/**
 * linli_csv_mapping_get_table:
 *
 * Returns: (transfer none): the file
 */
LinliCsvTable *
linli_csv_mapping_get_table (LinliCsvMapping *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), NULL);
  return self->table;
}

guint
linli_csv_mapping_get_n_fields (LinliCsvMapping *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), 0);
  return self->n_fields;
}

/**
 * linli_csv_mapping_get_field_label:
 *
 * Returns: what the preview calls @field, translated
 */
const char *
linli_csv_mapping_get_field_label (LinliCsvMapping *self,
                                   int              field)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (field >= 0 && (guint) field < self->n_fields, NULL);
  return field_label (&self->fields[field]);
}

gboolean
linli_csv_mapping_field_is_required (LinliCsvMapping *self,
                                     int              field)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), FALSE);
  g_return_val_if_fail (field >= 0 && (guint) field < self->n_fields, FALSE);
  return self->fields[field].required;
}

int
linli_csv_mapping_get_field (LinliCsvMapping *self,
                             guint            column)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), LINLI_CSV_FIELD_NONE);
  g_return_val_if_fail (column < self->columns->len, LINLI_CSV_FIELD_NONE);
  return LINLI_CSV_COLUMN (self->columns->pdata[column])->field;
}

/**
 * linli_csv_mapping_set_field:
 * @field: a field, or %LINLI_CSV_FIELD_NONE not to import the column
 */
void
linli_csv_mapping_set_field (LinliCsvMapping *self,
                             guint            column,
                             int              field)
{
  g_return_if_fail (LINLI_IS_CSV_MAPPING (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (field < (int) self->n_fields);

  linli_csv_column_set_field (self->columns->pdata[column], field);
}

/**
 * linli_csv_mapping_find_column:
 *
 * Returns: the first column that fills @field, or -1
 */
int
linli_csv_mapping_find_column (LinliCsvMapping *self,
                               int              field)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), -1);

  for (guint c = 0; c < self->columns->len; c++)
    if (LINLI_CSV_COLUMN (self->columns->pdata[c])->field == field)
      return (int) c;
  return -1;
}

/**
 * linli_csv_mapping_check:
 *
 * Returns: %TRUE when every required field has a column and no field has
 *   two; otherwise %FALSE with a #LinliCsvMappingError that says which
 */
gboolean
linli_csv_mapping_check (LinliCsvMapping  *self,
                         GError          **error)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), FALSE);

  for (guint c = 0; c < self->columns->len; c++)
    {
      LinliCsvColumn *column = self->columns->pdata[c];

      for (guint d = c + 1; column->field != LINLI_CSV_FIELD_NONE && d < self->columns->len; d++)
        {
          LinliCsvColumn *other = self->columns->pdata[d];
          if (other->field == column->field)
            {
              g_set_error (error, LINLI_CSV_MAPPING_ERROR, LINLI_CSV_MAPPING_ERROR_TWICE,
                           _("The columns “%s” and “%s” are both imported as “%s”. Choose one of them."),
                           column->header, other->header, field_label (&self->fields[column->field]));
              return FALSE;
            }
        }
    }
  for (guint f = 0; f < self->n_fields; f++)
    if (self->fields[f].required && linli_csv_mapping_find_column (self, (int) f) < 0)
      {
        g_set_error (error, LINLI_CSV_MAPPING_ERROR, LINLI_CSV_MAPPING_ERROR_MISSING,
                     _("No column is imported as “%s”, which every row needs. Choose the column that holds it."),
                     field_label (&self->fields[f]));
        return FALSE;
      }
  return TRUE;
}

/**
 * linli_csv_mapping_dup_cell:
 *
 * Returns: (transfer full) (nullable): the text of @field in @row, without
 *   the white space around it; %NULL when no column holds the field or the
 *   cell is empty
 */
char *
linli_csv_mapping_dup_cell (LinliCsvMapping *self,
                            guint            row,
                            int              field)
{
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), NULL);

  return linli_csv_mapping_dup_cell_in (self, self->table, row, field);
}

/**
 * linli_csv_mapping_dup_cell_in:
 * @table: rows of the file, with its columns: a batch of
 *   linli_csv_table_foreach()
 *
 * As linli_csv_mapping_dup_cell(), in @row of @table.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
linli_csv_mapping_dup_cell_in (LinliCsvMapping *self,
                               LinliCsvTable   *table,
                               guint            row,
                               int              field)
{
  int column;
  const char *cell;
  char *text;

  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  column = linli_csv_mapping_find_column (self, field);
  if (column < 0)
    return NULL;
  cell = linli_csv_table_get_cell (table, row, (guint) column);
  if (cell == NULL)
    return NULL;
  text = g_strstrip (g_strdup (cell));
  /* The ideographic space, as Chinese input methods type it. */
  while (g_str_has_prefix (text, "\xE3\x80\x80"))
    memmove (text, text + 3, strlen (text + 3) + 1);
  while (g_str_has_suffix (text, "\xE3\x80\x80"))
    text[strlen (text) - 3] = '\0';
  if (*text == '\0')
    {
      g_free (text);
      return NULL;
    }
  /* Full-width digits and letters, as Chinese office computers write
   * them, read as the ASCII ones: ２６号楼 is 26号楼. */
  if (linli_text_has_wide (text))
    {
      char *folded = linli_text_fold_width (text, LINLI_WIDTH_TEXT);
      g_free (text);
      text = folded;
    }
  return text;
}
