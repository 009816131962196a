/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A parsed JSON document (RFC 8259), read-only: every value, member name and
 * string of it lives in a few large blocks freed at once. It is built for
 * loading workbooks: a 10,000-idea file parses in a fraction of the time
 * JsonParser takes, and freeing it costs nothing (json-glib's tree has a hash
 * table and a list per object). */
typedef enum
{
  FW_JSON_NULL,
  FW_JSON_BOOLEAN,
  FW_JSON_INTEGER,   /* an integral number that fits in gint64 */
  FW_JSON_DOUBLE,    /* any other number */
  FW_JSON_STRING,
  FW_JSON_ARRAY,
  FW_JSON_OBJECT,
} FwJsonType;

typedef struct _FwJsonValue FwJsonValue;
typedef struct _FwJsonMember FwJsonMember;
typedef struct _FwJsonDocument FwJsonDocument;

struct _FwJsonValue
{
  FwJsonType  type;
  guint       n;  /* the elements of an array, the members of an object */
  union
  {
    gboolean      boolean;
    gint64        integer;
    double        number;
    const char   *string;    /* UTF-8, NUL-terminated, no NUL inside */
    FwJsonValue  *elements;  /* n of them */
    FwJsonMember *members;   /* n of them, in file order, duplicates included */
  };
};

struct _FwJsonMember
{
  const char  *name;
  FwJsonValue  value;
};

/* @data must be valid UTF-8. On failure returns NULL and an error whose
 * message reads "<data>:LINE:COLUMN: what is wrong", as JsonParser's do; data
 * of nothing but white space gives NULL and no error. */
FwJsonDocument    *fw_json_parse              (const char           *data,
                                               gsize                 length,
                                               GError              **error);
const FwJsonValue *fw_json_document_get_root  (const FwJsonDocument *document);
void               fw_json_document_free      (FwJsonDocument       *document);

/* The value of member @name of @object (an object), or NULL. A name given twice
 * means its last value, as in json-glib. */
const FwJsonValue *fw_json_object_get         (const FwJsonValue    *object,
                                               const char           *name);
/* FALSE when member @index of @object is given again later (and so overridden). */
gboolean           fw_json_object_is_final    (const FwJsonValue    *object,
                                               guint                 index);
/* A json-glib copy of @value and everything under it. */
JsonNode          *fw_json_value_to_node      (const FwJsonValue    *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwJsonDocument, fw_json_document_free)

G_END_DECLS
