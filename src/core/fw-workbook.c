/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-workbook.h"
#include "fw-text.h"

struct _FwWorkbook
{
  GObject     parent_instance;

  char       *texts[FW_N_WORKBOOK_TEXTS];
  char       *id;       /* NULL until the workbook has one */
  GListStore *members;
  GPtrArray  *member_mirror;
  GListStore *cases;
  GListStore *ideas;
  /* Mirrors of the stores, so the items that a splice removes can be
   * disconnected: items-changed no longer sees them. */
  GPtrArray  *case_mirror;
  GPtrArray  *idea_mirror;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (FwWorkbook, fw_workbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + FW_N_WORKBOOK_TEXTS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *text_names[] = { "title", "product", "author", "created", "modified" };
G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == FW_N_WORKBOOK_TEXTS);

static void
item_changed_cb (FwWorkbook *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
track_items (FwWorkbook *self,
             GListModel *model,
             GPtrArray  *mirror,
             guint       position,
             guint       removed,
             guint       added)
{
  for (guint i = position; i < position + removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (mirror, i), item_changed_cb, self);
  g_ptr_array_remove_range (mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_signal_connect_swapped (item, "changed", G_CALLBACK (item_changed_cb), self);
      g_ptr_array_insert (mirror, position + i, item);
    }
}

static void
cases_changed_cb (FwWorkbook *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  track_items (self, model, self->case_mirror, position, removed, added);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ideas_changed_cb (FwWorkbook *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  track_items (self, model, self->idea_mirror, position, removed, added);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
members_changed_cb (FwWorkbook *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  track_items (self, model, self->member_mirror, position, removed, added);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
untrack_all (FwWorkbook *self,
             GPtrArray  *mirror)
{
  for (guint i = 0; i < mirror->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (mirror, i), item_changed_cb, self);
  g_ptr_array_set_size (mirror, 0);
}

static void
fw_workbook_dispose (GObject *object)
{
  FwWorkbook *self = (FwWorkbook *)object;

  if (self->cases)
    {
      g_signal_handlers_disconnect_by_data (self->cases, self);
      g_signal_handlers_disconnect_by_data (self->ideas, self);
      g_signal_handlers_disconnect_by_data (self->members, self);
      untrack_all (self, self->case_mirror);
      untrack_all (self, self->idea_mirror);
      untrack_all (self, self->member_mirror);
    }
  g_clear_object (&self->members);
  g_clear_object (&self->cases);
  g_clear_object (&self->ideas);

  G_OBJECT_CLASS (fw_workbook_parent_class)->dispose (object);
}

static void
fw_workbook_finalize (GObject *object)
{
  FwWorkbook *self = (FwWorkbook *)object;

  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    g_free (self->texts[i]);
  g_free (self->id);
  g_clear_pointer (&self->member_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->case_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->idea_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (fw_workbook_parent_class)->finalize (object);
}

static void
fw_workbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwWorkbook *self = FW_WORKBOOK (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - PROP_TEXT_FIRST]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fw_workbook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FwWorkbook *self = FW_WORKBOOK (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    fw_workbook_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fw_workbook_dispatch_properties_changed (GObject     *object,
                                         guint        n_pspecs,
                                         GParamSpec **pspecs)
{
  G_OBJECT_CLASS (fw_workbook_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
fw_workbook_class_init (FwWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_workbook_dispose;
  object_class->finalize = fw_workbook_finalize;
  object_class->get_property = fw_workbook_get_property;
  object_class->set_property = fw_workbook_set_property;
  object_class->dispatch_properties_changed = fw_workbook_dispatch_properties_changed;

  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (text_names[i], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwWorkbook::changed:
   *
   * Emitted after any change to the workbook, its lists or any case or idea in them.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_workbook_init (FwWorkbook *self)
{
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  self->members = g_list_store_new (FW_TYPE_MEMBER);
  self->member_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->members, "items-changed", G_CALLBACK (members_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->cases = g_list_store_new (FW_TYPE_CASE);
  self->ideas = g_list_store_new (FW_TYPE_IDEA);
  self->case_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->idea_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->cases, "items-changed", G_CALLBACK (cases_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ideas, "items-changed", G_CALLBACK (ideas_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

FwWorkbook *
fw_workbook_new (void)
{
  return g_object_new (FW_TYPE_WORKBOOK, NULL);
}

const char *
fw_workbook_get_text (FwWorkbook     *self,
                      FwWorkbookText  field)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (field < FW_N_WORKBOOK_TEXTS, NULL);
  return self->texts[field];
}

void
fw_workbook_set_text (FwWorkbook     *self,
                      FwWorkbookText  field,
                      const char     *text)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (field < FW_N_WORKBOOK_TEXTS);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->texts[field], text) == 0)
    return;
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
}

const char *
fw_workbook_get_title (FwWorkbook *self)
{
  return fw_workbook_get_text (self, FW_WORKBOOK_TITLE);
}

void
fw_workbook_set_title (FwWorkbook *self,
                       const char *title)
{
  fw_workbook_set_text (self, FW_WORKBOOK_TITLE, title);
}

void
fw_workbook_touch (FwWorkbook *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  fw_workbook_set_text (self, FW_WORKBOOK_MODIFIED, text);
}

GListModel *
fw_workbook_get_cases (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->cases);
}

GListModel *
fw_workbook_get_ideas (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->ideas);
}

guint
fw_workbook_get_n_cases (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->cases));
}

guint
fw_workbook_get_n_ideas (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->ideas));
}

/* Borrowed references: the workbook keeps its items alive. */
FwCase *
fw_workbook_get_case (FwWorkbook *self,
                      guint       position)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return position < self->case_mirror->len ? g_ptr_array_index (self->case_mirror, position)
                                           : NULL;
}

FwIdea *
fw_workbook_get_idea (FwWorkbook *self,
                      guint       position)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return position < self->idea_mirror->len ? g_ptr_array_index (self->idea_mirror, position)
                                           : NULL;
}

void
fw_workbook_insert_case (FwWorkbook *self,
                         guint       position,
                         FwCase     *item)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (FW_IS_CASE (item));
  g_list_store_insert (self->cases, MIN (position, fw_workbook_get_n_cases (self)), item);
}

void
fw_workbook_append_case (FwWorkbook *self,
                         FwCase     *item)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (FW_IS_CASE (item));
  g_list_store_append (self->cases, item);
}

void
fw_workbook_remove_case (FwWorkbook *self,
                         guint       position)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (position < fw_workbook_get_n_cases (self));
  g_list_store_remove (self->cases, position);
}

void
fw_workbook_insert_idea (FwWorkbook *self,
                         guint       position,
                         FwIdea     *item)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (FW_IS_IDEA (item));
  g_list_store_insert (self->ideas, MIN (position, fw_workbook_get_n_ideas (self)), item);
}

void
fw_workbook_append_idea (FwWorkbook *self,
                         FwIdea     *item)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (FW_IS_IDEA (item));
  g_list_store_append (self->ideas, item);
}

void
fw_workbook_remove_idea (FwWorkbook *self,
                         guint       position)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (position < fw_workbook_get_n_ideas (self));
  g_list_store_remove (self->ideas, position);
}

void
fw_workbook_splice (FwWorkbook  *self,
                    FwCase     **cases,
                    guint        n_cases,
                    FwIdea     **ideas,
                    guint        n_ideas)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));

  g_list_store_splice (self->cases, 0, fw_workbook_get_n_cases (self), (gpointer *) cases,
                       n_cases);
  g_list_store_splice (self->ideas, 0, fw_workbook_get_n_ideas (self), (gpointer *) ideas,
                       n_ideas);
}

FwCase *
fw_workbook_find_case (FwWorkbook *self,
                       const char *id,
                       guint      *position)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  for (guint i = 0; id && i < self->case_mirror->len; i++)
    {
      FwCase *item = g_ptr_array_index (self->case_mirror, i);

      if (g_str_equal (fw_case_get_id (item), id))
        {
          if (position)
            *position = i;
          return item;
        }
    }
  return NULL;
}

FwIdea *
fw_workbook_find_idea (FwWorkbook *self,
                       const char *id,
                       guint      *position)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  for (guint i = 0; id && i < self->idea_mirror->len; i++)
    {
      FwIdea *item = g_ptr_array_index (self->idea_mirror, i);

      if (g_str_equal (fw_idea_get_id (item), id))
        {
          if (position)
            *position = i;
          return item;
        }
    }
  return NULL;
}

/* Takes every text, case and idea of @other (which is left empty), with one
 * items-changed per list: a reload keeps the object the UI is bound to. */
void
fw_workbook_take_contents (FwWorkbook *self,
                           FwWorkbook *other)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) ideas = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (FW_IS_WORKBOOK (other));

  members = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < other->member_mirror->len; i++)
    g_ptr_array_add (members, g_object_ref (g_ptr_array_index (other->member_mirror, i)));
  g_list_store_remove_all (other->members);
  g_list_store_splice (self->members, 0, g_list_model_get_n_items (G_LIST_MODEL (self->members)),
                       members->pdata, members->len);
  fw_workbook_set_id (self, other->id);

  cases = g_ptr_array_new_with_free_func (g_object_unref);
  ideas = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < other->case_mirror->len; i++)
    g_ptr_array_add (cases, g_object_ref (g_ptr_array_index (other->case_mirror, i)));
  for (guint i = 0; i < other->idea_mirror->len; i++)
    g_ptr_array_add (ideas, g_object_ref (g_ptr_array_index (other->idea_mirror, i)));
  fw_workbook_splice (other, NULL, 0, NULL, 0);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    fw_workbook_set_text (self, i, other->texts[i]);
  fw_workbook_set_extra (self, other->extra);
  fw_workbook_splice (self, (FwCase **) cases->pdata, cases->len,
                      (FwIdea **) ideas->pdata, ideas->len);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
fw_workbook_equal (FwWorkbook *a,
                   FwWorkbook *b)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (a) && FW_IS_WORKBOOK (b), FALSE);

  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  if (g_strcmp0 (a->id, b->id) != 0 || a->member_mirror->len != b->member_mirror->len)
    return FALSE;
  for (guint i = 0; i < a->member_mirror->len; i++)
    if (!fw_member_equal (g_ptr_array_index (a->member_mirror, i),
                          g_ptr_array_index (b->member_mirror, i)))
      return FALSE;
  if (a->case_mirror->len != b->case_mirror->len ||
      a->idea_mirror->len != b->idea_mirror->len)
    return FALSE;
  for (guint i = 0; i < a->case_mirror->len; i++)
    if (!fw_case_equal (g_ptr_array_index (a->case_mirror, i),
                        g_ptr_array_index (b->case_mirror, i)))
      return FALSE;
  for (guint i = 0; i < a->idea_mirror->len; i++)
    if (!fw_idea_equal (g_ptr_array_index (a->idea_mirror, i),
                        g_ptr_array_index (b->idea_mirror, i)))
      return FALSE;
  return TRUE;
}

const char *
fw_workbook_get_id (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return self->id;
}

void
fw_workbook_set_id (FwWorkbook *self,
                    const char *id)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));

  if (id != NULL && *id == '\0')
    id = NULL;
  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
fw_workbook_dup_identity (FwWorkbook *self)
{
  const char *created;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  if (self->id)
    return g_strdup (self->id);
  created = self->texts[FW_WORKBOOK_CREATED];
  if (fw_text_is_blank (created))
    return g_uuid_string_random ();

  /* A name-based UUID (version 5's layout) of the creation time: every copy of
   * the file has that time, so each derives the same id. */
  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, (const guchar *) "flywheel-workbook:", -1);
  g_checksum_update (checksum, (const guchar *) created, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

const char *
fw_workbook_ensure_id (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  if (self->id == NULL)
    {
      g_autofree char *id = fw_workbook_dup_identity (self);

      fw_workbook_set_id (self, id);
    }
  return self->id;
}

gboolean
fw_workbook_has_team (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), FALSE);

  if (self->member_mirror->len > 0)
    return TRUE;
  for (guint i = 0; i < self->idea_mirror->len; i++)
    {
      FwIdea *idea = g_ptr_array_index (self->idea_mirror, i);

      if (fw_idea_get_n_assessments (idea) > 0 ||
          fw_idea_get_decision (idea) != FW_DECISION_NONE)
        return TRUE;
    }
  return FALSE;
}

GListModel *
fw_workbook_get_members (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->members);
}

guint
fw_workbook_get_n_members (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), 0);
  return self->member_mirror->len;
}

FwMember *
fw_workbook_get_member (FwWorkbook *self,
                        guint       position)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (position < self->member_mirror->len, NULL);
  return g_ptr_array_index (self->member_mirror, position);
}

FwMember *
fw_workbook_find_member (FwWorkbook *self,
                         const char *id,
                         guint      *position)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  for (guint i = 0; id && i < self->member_mirror->len; i++)
    {
      FwMember *member = g_ptr_array_index (self->member_mirror, i);

      if (g_str_equal (fw_member_get_id (member), id))
        {
          if (position)
            *position = i;
          return member;
        }
    }
  return NULL;
}

void
fw_workbook_append_member (FwWorkbook *self,
                           FwMember   *member)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (FW_IS_MEMBER (member));

  fw_workbook_ensure_id (self);
  g_list_store_append (self->members, member);
}

void
fw_workbook_remove_member (FwWorkbook *self,
                           guint       position)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));
  g_return_if_fail (position < self->member_mirror->len);
  g_list_store_remove (self->members, position);
}

JsonObject *
fw_workbook_get_extra (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return self->extra;
}

void
fw_workbook_set_extra (FwWorkbook *self,
                       JsonObject *extra)
{
  g_return_if_fail (FW_IS_WORKBOOK (self));

  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

const char *
fw_workbook_text_property_name (FwWorkbookText field)
{
  g_return_val_if_fail (field < FW_N_WORKBOOK_TEXTS, NULL);
  return text_names[field];
}

gboolean
fw_workbook_has_identity (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), FALSE);

  return fw_workbook_get_id (self) != NULL ||
         !fw_text_is_blank (fw_workbook_get_text (self, FW_WORKBOOK_CREATED));
}
