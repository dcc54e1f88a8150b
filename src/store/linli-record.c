/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record"

#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-record.h"

/* A record is one row of a table: an id and one GValue per column. Each record
 * class describes its columns once; the properties, copying, comparing and the
 * store's SQL all follow from that description. */

typedef struct
{
  gint64  id;
  GValue *values;   /* n_columns of them, allocated on first use */
} LinliRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LinliRecord, linli_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
column_gtype (const LinliColumn *column)
{
  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:      return G_TYPE_STRING;
    case LINLI_COLUMN_INT:       return G_TYPE_INT64;
    case LINLI_COLUMN_REF:       return G_TYPE_INT64;
    case LINLI_COLUMN_DOUBLE:    return G_TYPE_DOUBLE;
    case LINLI_COLUMN_BOOL:      return G_TYPE_BOOLEAN;
    case LINLI_COLUMN_DATETIME:  return G_TYPE_DATE_TIME;
    case LINLI_COLUMN_ENUM:      return column->enum_type ();
    case LINLI_COLUMN_TEXT_LIST: return G_TYPE_STRV;
    case LINLI_COLUMN_REF_LIST:  return G_TYPE_ARRAY;
    default: g_assert_not_reached ();
    }
}

static void
set_default (GValue            *value,
             const LinliColumn *column)
{
  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      g_value_set_static_string (value, column->default_value);
      break;
    case LINLI_COLUMN_INT:
    case LINLI_COLUMN_REF:
      g_value_set_int64 (value, g_ascii_strtoll (column->default_value, NULL, 10));
      break;
    case LINLI_COLUMN_BOOL:
      g_value_set_boolean (value, g_str_equal (column->default_value, "1"));
      break;
    case LINLI_COLUMN_ENUM:
      {
        GEnumClass *enum_class = g_type_class_peek (column->enum_type ());
        GEnumValue *ev = g_enum_get_value_by_nick (enum_class, column->default_value);
        g_assert (ev != NULL);
        g_value_set_enum (value, ev->value);
        break;
      }
    case LINLI_COLUMN_DOUBLE:
    case LINLI_COLUMN_DATETIME:
    case LINLI_COLUMN_TEXT_LIST:
    case LINLI_COLUMN_REF_LIST:
    default:
      g_assert_not_reached ();
    }
}

static GValue *
ensure_values (LinliRecord *self)
{
  LinliRecordPrivate *priv = linli_record_get_instance_private (self);
  LinliRecordClass *klass = LINLI_RECORD_GET_CLASS (self);

  if (priv->values == NULL)
    {
      g_assert (klass->columns != NULL);
      priv->values = g_new0 (GValue, klass->n_columns);
      for (guint i = 0; i < klass->n_columns; i++)
        {
          const LinliColumn *c = &klass->columns[i];

          g_value_init (&priv->values[i], column_gtype (c));
          if (c->type == LINLI_COLUMN_DOUBLE)
            g_value_set_double (&priv->values[i], c->default_value ? g_ascii_strtod (c->default_value, NULL) : NAN);
          else if (c->default_value != NULL)
            set_default (&priv->values[i], c);
        }
    }

  return priv->values;
}

static gboolean
values_equal (const LinliColumn *column,
              const GValue      *a,
              const GValue      *b)
{
  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case LINLI_COLUMN_INT:
    case LINLI_COLUMN_REF:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case LINLI_COLUMN_DOUBLE:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);
        return (isnan (x) && isnan (y)) || x == y;
      }
    case LINLI_COLUMN_BOOL:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case LINLI_COLUMN_DATETIME:
      {
        GDateTime *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);
        if (x == NULL || y == NULL)
          return x == y;
        return g_date_time_equal (x, y);
      }
    case LINLI_COLUMN_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case LINLI_COLUMN_TEXT_LIST:
      {
        const char * const *x = g_value_get_boxed (a);
        const char * const *y = g_value_get_boxed (b);
        guint nx = x ? g_strv_length ((char **) x) : 0;
        guint ny = y ? g_strv_length ((char **) y) : 0;
        if (nx != ny)
          return FALSE;
        for (guint i = 0; i < nx; i++)
          if (g_strcmp0 (x[i], y[i]) != 0)
            return FALSE;
        return TRUE;
      }
    case LINLI_COLUMN_REF_LIST:
      {
        GArray *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);
        guint nx = x ? x->len : 0, ny = y ? y->len : 0;
        if (nx != ny)
          return FALSE;
        return nx == 0 || memcmp (x->data, y->data, nx * sizeof (gint64)) == 0;
      }
    default:
      g_assert_not_reached ();
    }
}

static char *
property_name_for (const char *column)
{
  char *name = g_strdup (column);
  return g_strdelimit (name, "_", '-');
}

static GParamSpec *
param_spec_for (const LinliColumn *column)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  g_autofree char *owned = property_name_for (column->name);
  /* Interned, so the static-strings flag holds for the life of the program. */
  const char *name = g_intern_string (owned);

  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case LINLI_COLUMN_INT:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case LINLI_COLUMN_REF:
      return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    case LINLI_COLUMN_DOUBLE:
      /* NAN is "unset", and no range admits it: without lax validation
       * g_object_set() refuses it with a warning. */
      return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                  flags | G_PARAM_LAX_VALIDATION);
    case LINLI_COLUMN_BOOL:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case LINLI_COLUMN_DATETIME:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME, flags);
    case LINLI_COLUMN_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (column->enum_type ());
        return g_param_spec_enum (name, NULL, NULL, column->enum_type (),
                                  enum_class->values[0].value, flags);
      }
    case LINLI_COLUMN_TEXT_LIST:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
    case LINLI_COLUMN_REF_LIST:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_ARRAY, flags);
    default:
      g_assert_not_reached ();
    }
}

#define NO_COLUMN G_MAXUINT

static void
set_column_value (LinliRecord  *self,
                  guint         column,
                  const GValue *value)
{
  LinliRecordClass *klass = LINLI_RECORD_GET_CLASS (self);
  GValue *values = ensure_values (self);

  /* A column the record does not have: column_index() said so. */
  if (column == NO_COLUMN)
    return;
  g_assert (column < klass->n_columns);

  if (values_equal (&klass->columns[column], &values[column], value))
    return;

  g_value_copy (value, g_value_reset (&values[column]));
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[column]);
}

static void
linli_record_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LinliRecord *self = LINLI_RECORD (object);
  GValue *values = ensure_values (self);

  g_value_copy (&values[prop_id - 1], value);
}

static void
linli_record_column_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  set_column_value (LINLI_RECORD (object), prop_id - 1, value);
}

static void
linli_record_finalize (GObject *object)
{
  LinliRecord *self = LINLI_RECORD (object);
  LinliRecordPrivate *priv = linli_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      LinliRecordClass *klass = LINLI_RECORD_GET_CLASS (self);
      for (guint i = 0; i < klass->n_columns; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (linli_record_parent_class)->finalize (object);
}

static void
linli_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LinliRecord *self = LINLI_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, linli_record_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LinliRecord *self = LINLI_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      linli_record_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_record_class_init (LinliRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = linli_record_finalize;
  object_class->get_property = linli_record_get_property;
  object_class->set_property = linli_record_set_property;

  /**
   * LinliRecord:id:
   *
   * The row id; 0 until the record has been stored.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
linli_record_init (LinliRecord *self)
{
}

void
linli_record_class_set_table (LinliRecordClass  *klass,
                              const char        *table,
                              const char        *default_order,
                              const LinliColumn *columns,
                              guint              n_columns)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (LINLI_IS_RECORD_CLASS (klass));
  g_return_if_fail (table != NULL && columns != NULL && n_columns > 0);

  klass->table = table;
  klass->default_order = default_order;
  klass->columns = columns;
  klass->n_columns = n_columns;

  object_class->get_property = linli_record_column_get_property;
  object_class->set_property = linli_record_column_set_property;

  /* Kept for the life of the program, as the class is. */
  klass->pspecs = g_new0 (GParamSpec *, n_columns);
  klass->column_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_columns; i++)
    {
      klass->pspecs[i] = param_spec_for (&columns[i]);
      g_hash_table_insert (klass->column_of, (gpointer) columns[i].name, GUINT_TO_POINTER (i + 1));
      g_object_class_install_property (object_class, i + 1, klass->pspecs[i]);
    }
}

const char *
linli_record_class_get_table (LinliRecordClass *klass)
{
  g_return_val_if_fail (LINLI_IS_RECORD_CLASS (klass), NULL);

  return klass->table;
}

const LinliColumn *
linli_record_class_get_columns (LinliRecordClass *klass,
                                guint            *n_columns)
{
  g_return_val_if_fail (LINLI_IS_RECORD_CLASS (klass), NULL);

  if (n_columns != NULL)
    *n_columns = klass->n_columns;
  return klass->columns;
}

int
linli_record_class_find_column (LinliRecordClass *klass,
                                const char       *name)
{
  g_return_val_if_fail (LINLI_IS_RECORD_CLASS (klass), -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (klass->column_of, name)) - 1;
}

LinliRecord *
linli_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, LINLI_TYPE_RECORD), NULL);

  return g_object_new (type, NULL);
}

/**
 * linli_record_copy:
 *
 * Returns: (transfer full): a record of the same type with the same id and
 *   values, for an editor to change without touching the original.
 */
LinliRecord *
linli_record_copy (LinliRecord *self)
{
  LinliRecordClass *klass;
  LinliRecord *copy;
  GValue *from, *to;

  g_return_val_if_fail (LINLI_IS_RECORD (self), NULL);

  klass = LINLI_RECORD_GET_CLASS (self);
  copy = linli_record_new (G_OBJECT_TYPE (self));
  linli_record_set_id (copy, linli_record_get_id (self));
  from = ensure_values (self);
  to = ensure_values (copy);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      GArray *ids;

      g_value_reset (&to[i]);
      /* Copying a boxed GArray only takes a reference: give the copy its
       * own, so changing one in place cannot change the other. */
      if (klass->columns[i].type == LINLI_COLUMN_REF_LIST && (ids = g_value_get_boxed (&from[i])) != NULL)
        {
          GArray *own = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
          g_array_append_vals (own, ids->data, ids->len);
          g_value_take_boxed (&to[i], own);
        }
      else
        g_value_copy (&from[i], &to[i]);
    }

  return copy;
}

gboolean
linli_record_equal (LinliRecord *a,
                    LinliRecord *b)
{
  LinliRecordClass *klass;
  GValue *va, *vb;

  g_return_val_if_fail (LINLI_IS_RECORD (a), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) || linli_record_get_id (a) != linli_record_get_id (b))
    return FALSE;

  klass = LINLI_RECORD_GET_CLASS (a);
  va = ensure_values (a);
  vb = ensure_values (b);
  for (guint i = 0; i < klass->n_columns; i++)
    if (!values_equal (&klass->columns[i], &va[i], &vb[i]))
      return FALSE;
  return TRUE;
}

/* Whether @a and @b hold the same value in one column. */
gboolean
linli_record_column_equal (LinliRecord *a,
                           LinliRecord *b,
                           guint        column)
{
  LinliRecordClass *klass;

  g_return_val_if_fail (LINLI_IS_RECORD (a), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (b), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);

  klass = LINLI_RECORD_GET_CLASS (a);
  g_return_val_if_fail (column < klass->n_columns, FALSE);
  return values_equal (&klass->columns[column], &ensure_values (a)[column], &ensure_values (b)[column]);
}

/* Sets one column of @self to the value @source has there. */
void
linli_record_copy_column (LinliRecord *self,
                          LinliRecord *source,
                          guint        column)
{
  const GValue *from;
  GValue value = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_return_if_fail (LINLI_IS_RECORD (source));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  from = linli_record_peek_value (source, column);
  g_value_init (&value, G_VALUE_TYPE (from));
  g_value_copy (from, &value);
  linli_record_take_value (self, column, &value);
}

gint64
linli_record_get_id (LinliRecord *self)
{
  LinliRecordPrivate *priv = linli_record_get_instance_private (self);

  g_return_val_if_fail (LINLI_IS_RECORD (self), 0);

  return priv->id;
}

void
linli_record_set_id (LinliRecord *self,
                     gint64       id)
{
  LinliRecordPrivate *priv = linli_record_get_instance_private (self);

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const GValue *
linli_record_peek_value (LinliRecord *self,
                         guint        column)
{
  g_return_val_if_fail (LINLI_IS_RECORD (self), NULL);
  g_return_val_if_fail (column < LINLI_RECORD_GET_CLASS (self)->n_columns, NULL);

  return &ensure_values (self)[column];
}

/* Takes the contents of @value, which is left unset. */
void
linli_record_take_value (LinliRecord *self,
                         guint        column,
                         GValue      *value)
{
  g_return_if_fail (LINLI_IS_RECORD (self));
  g_return_if_fail (column < LINLI_RECORD_GET_CLASS (self)->n_columns);

  set_column_value (self, column, value);
  g_value_unset (value);
}

/**
 * linli_record_load_value:
 *
 * Moves @value, which is left unset, into a record being filled from the
 * database: no comparison and no notification, as nobody watches a record
 * that is still being read.
 */
void
linli_record_load_value (LinliRecord *self,
                         guint        column,
                         GValue      *value)
{
  GValue *values;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_return_if_fail (column < LINLI_RECORD_GET_CLASS (self)->n_columns);

  values = ensure_values (self);
  g_value_unset (&values[column]);
  values[column] = *value;
  memset (value, 0, sizeof *value);
}

/* A wrong name or type is a bug of the caller, as a g_return_if_fail()
 * is: a critical, and the accessor does nothing (tests/check-columns
 * finds such calls before they run). */
static guint
column_index (LinliRecord     *self,
              const char      *name,
              LinliColumnType  type)
{
  LinliRecordClass *klass = LINLI_RECORD_GET_CLASS (self);
  int index = linli_record_class_find_column (klass, name);

  if (index < 0)
    {
      g_critical ("%s has no column %s", G_OBJECT_TYPE_NAME (self), name);
      return NO_COLUMN;
    }
  /* REF is an INT as far as the accessors go. */
  if (klass->columns[index].type != type &&
      !(type == LINLI_COLUMN_INT && klass->columns[index].type == LINLI_COLUMN_REF))
    {
      g_critical ("%s.%s is not of the type asked for", G_OBJECT_TYPE_NAME (self), name);
      return NO_COLUMN;
    }
  return (guint) index;
}

/* The value of the column, NULL after a critical when there is none. */
static const GValue *
peek (LinliRecord     *self,
      const char      *name,
      LinliColumnType  type)
{
  guint index = column_index (self, name, type);

  return index != NO_COLUMN ? &ensure_values (self)[index] : NULL;
}

const char *
linli_record_get_text (LinliRecord *self,
                       const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), NULL);
  value = peek (self, column, LINLI_COLUMN_TEXT);
  return value != NULL ? g_value_get_string (value) : NULL;
}

void
linli_record_set_text (LinliRecord *self,
                       const char  *column,
                       const char  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_TEXT), &v);
}

gint64
linli_record_get_int (LinliRecord *self,
                      const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), 0);
  value = peek (self, column, LINLI_COLUMN_INT);
  return value != NULL ? g_value_get_int64 (value) : 0;
}

void
linli_record_set_int (LinliRecord *self,
                      const char  *column,
                      gint64       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_INT), &v);
}

double
linli_record_get_double (LinliRecord *self,
                         const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), NAN);
  value = peek (self, column, LINLI_COLUMN_DOUBLE);
  return value != NULL ? g_value_get_double (value) : NAN;
}

void
linli_record_set_double (LinliRecord *self,
                         const char  *column,
                         double       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_DOUBLE), &v);
}

gboolean
linli_record_get_bool (LinliRecord *self,
                       const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), FALSE);
  value = peek (self, column, LINLI_COLUMN_BOOL);
  return value != NULL ? g_value_get_boolean (value) : FALSE;
}

void
linli_record_set_bool (LinliRecord *self,
                       const char  *column,
                       gboolean     value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, !!value);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_BOOL), &v);
}

/**
 * linli_record_get_datetime:
 *
 * Returns: (transfer none) (nullable): the time, or %NULL when unset.
 */
GDateTime *
linli_record_get_datetime (LinliRecord *self,
                           const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), NULL);
  value = peek (self, column, LINLI_COLUMN_DATETIME);
  return value != NULL ? g_value_get_boxed (value) : NULL;
}

void
linli_record_set_datetime (LinliRecord *self,
                           const char  *column,
                           GDateTime   *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_value_init (&v, G_TYPE_DATE_TIME);
  g_value_set_boxed (&v, value);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_DATETIME), &v);
}

int
linli_record_get_enum (LinliRecord *self,
                       const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), 0);
  value = peek (self, column, LINLI_COLUMN_ENUM);
  return value != NULL ? g_value_get_enum (value) : 0;
}

void
linli_record_set_enum (LinliRecord *self,
                       const char  *column,
                       int          value)
{
  guint index;
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  index = column_index (self, column, LINLI_COLUMN_ENUM);
  if (index == NO_COLUMN)
    return;
  g_value_init (&v, LINLI_RECORD_GET_CLASS (self)->columns[index].enum_type ());
  g_value_set_enum (&v, value);
  set_column_value (self, index, &v);
}

/**
 * linli_record_get_strv:
 *
 * Returns: (transfer none) (nullable): the list; %NULL or empty when there is none.
 */
const char * const *
linli_record_get_strv (LinliRecord *self,
                       const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), NULL);
  value = peek (self, column, LINLI_COLUMN_TEXT_LIST);
  return value != NULL ? g_value_get_boxed (value) : NULL;
}

void
linli_record_set_strv (LinliRecord        *self,
                       const char         *column,
                       const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_TEXT_LIST), &v);
}

/**
 * linli_record_get_refs:
 *
 * Returns: (transfer none) (nullable): a #GArray of gint64 row ids; treat it
 *   as read-only, and set a new list with linli_record_set_refs().
 */
GArray *
linli_record_get_refs (LinliRecord *self,
                       const char  *column)
{
  const GValue *value;

  g_return_val_if_fail (LINLI_IS_RECORD (self), NULL);
  value = peek (self, column, LINLI_COLUMN_REF_LIST);
  return value != NULL ? g_value_get_boxed (value) : NULL;
}

void
linli_record_set_refs (LinliRecord  *self,
                       const char   *column,
                       const gint64 *ids,
                       guint         n_ids)
{
  g_autoptr(GArray) array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (LINLI_IS_RECORD (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  g_value_init (&v, G_TYPE_ARRAY);
  g_value_set_boxed (&v, array);
  set_column_value (self, column_index (self, column, LINLI_COLUMN_REF_LIST), &v);
}
