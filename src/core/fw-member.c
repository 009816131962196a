/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-member.h"
#include "fw-json.h"
#include "fw-text.h"

struct _FwMember
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  FwRole      role;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (FwMember, fw_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fw_member_dispatch_properties_changed (GObject     *object,
                                       guint        n_pspecs,
                                       GParamSpec **pspecs)
{
  G_OBJECT_CLASS (fw_member_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
fw_member_finalize (GObject *object)
{
  FwMember *self = (FwMember *)object;

  g_free (self->id);
  g_free (self->name);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (fw_member_parent_class)->finalize (object);
}

static void
fw_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FwMember *self = FW_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FwMember *self = FW_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      fw_member_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      fw_member_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      fw_member_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_member_class_init (FwMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fw_member_finalize;
  object_class->get_property = fw_member_get_property;
  object_class->set_property = fw_member_set_property;
  object_class->dispatch_properties_changed = fw_member_dispatch_properties_changed;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, FW_TYPE_ROLE,
                                             FW_ROLE_OTHER, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwMember::changed:
   *
   * Emitted once after any batch of property changes.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_member_init (FwMember *self)
{
  self->id = g_uuid_string_random ();
  self->name = g_strdup ("");
  self->role = FW_ROLE_OTHER;
}

FwMember *
fw_member_new (const char *name,
               FwRole      role)
{
  FwMember *self = g_object_new (FW_TYPE_MEMBER, NULL);

  fw_text_set (&self->name, name);
  self->role = role < FW_N_ROLES ? role : FW_ROLE_OTHER;
  return self;
}

FwMember *
fw_member_copy (FwMember *self)
{
  FwMember *copy;

  g_return_val_if_fail (FW_IS_MEMBER (self), NULL);

  copy = fw_member_new (self->name, self->role);
  fw_text_set (&copy->id, self->id);
  copy->extra = fw_json_object_copy (self->extra);
  return copy;
}

/* Equal in everything the app knows; unknown members are not compared. */
gboolean
fw_member_equal (FwMember *a,
                 FwMember *b)
{
  g_return_val_if_fail (FW_IS_MEMBER (a) && FW_IS_MEMBER (b), FALSE);
  return g_str_equal (a->id, b->id) && g_str_equal (a->name, b->name) && a->role == b->role;
}

const char *
fw_member_get_id (FwMember *self)
{
  g_return_val_if_fail (FW_IS_MEMBER (self), NULL);
  return self->id;
}

void
fw_member_set_id (FwMember   *self,
                  const char *id)
{
  g_return_if_fail (FW_IS_MEMBER (self));
  if (fw_text_set (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
fw_member_get_name (FwMember *self)
{
  g_return_val_if_fail (FW_IS_MEMBER (self), NULL);
  return self->name;
}

void
fw_member_set_name (FwMember   *self,
                    const char *name)
{
  g_return_if_fail (FW_IS_MEMBER (self));
  if (fw_text_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

char *
fw_member_dup_display_name (FwMember *self)
{
  g_return_val_if_fail (FW_IS_MEMBER (self), NULL);

  if (fw_text_is_blank (self->name))
    return g_strdup (_("Unnamed member"));
  return fw_text_dup_stripped (self->name);
}

FwRole
fw_member_get_role (FwMember *self)
{
  g_return_val_if_fail (FW_IS_MEMBER (self), FW_ROLE_OTHER);
  return self->role;
}

void
fw_member_set_role (FwMember *self,
                    FwRole    role)
{
  g_return_if_fail (FW_IS_MEMBER (self));
  g_return_if_fail (role < FW_N_ROLES);

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

JsonObject *
fw_member_get_extra (FwMember *self)
{
  g_return_val_if_fail (FW_IS_MEMBER (self), NULL);
  return self->extra;
}

void
fw_member_set_extra (FwMember   *self,
                     JsonObject *extra)
{
  g_return_if_fail (FW_IS_MEMBER (self));

  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
