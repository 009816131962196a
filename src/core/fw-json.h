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
/* A deep copy of @object (a new reference), or NULL for NULL: the unknown
 * members a model object keeps go with its copies this way. */
JsonObject        *fw_json_object_copy        (JsonObject           *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwJsonDocument, fw_json_document_free)

/* Writes JSON into a GString as json-glib's generator does with pretty printing
 * and an indent of 2 ("name" : value, an empty object's closing brace indented,
 * doubles always with a point or an exponent), straight from the caller's data:
 * no tree. One difference: U+001F is escaped, as JSON requires (json-glib 1.6
 * writes it raw). @name is NULL for an array's element and for the root. */
typedef struct
{
  GString    *out;
  GByteArray *open;  /* per open container: 1 while it has no member yet */
} FwJsonWriter;

void  fw_json_writer_init          (FwJsonWriter *writer,
                                    GString      *out);
void  fw_json_writer_clear         (FwJsonWriter *writer);
void  fw_json_writer_begin_object  (FwJsonWriter *writer,
                                    const char   *name);
void  fw_json_writer_end_object    (FwJsonWriter *writer);
void  fw_json_writer_begin_array   (FwJsonWriter *writer,
                                    const char   *name);
void  fw_json_writer_end_array     (FwJsonWriter *writer);
void  fw_json_writer_string        (FwJsonWriter *writer,
                                    const char   *name,
                                    const char   *value);
void  fw_json_writer_int           (FwJsonWriter *writer,
                                    const char   *name,
                                    gint64        value);
void  fw_json_writer_boolean       (FwJsonWriter *writer,
                                    const char   *name,
                                    gboolean      value);
/* A writer for a piece of a document written apart: its first item goes where
 * an item @depth containers deep and after another would, starting with ",\n"
 * and the indent. */
void  fw_json_writer_init_nested   (FwJsonWriter *writer,
                                    GString      *out,
                                    guint         depth);
/* A value already written (by a nested writer, from the same depth on). */
void  fw_json_writer_raw           (FwJsonWriter *writer,
                                    const char   *name,
                                    const char   *text,
                                    gsize         length);
/* @node and everything under it, members in their order. */
void  fw_json_writer_node          (FwJsonWriter *writer,
                                    const char   *name,
                                    JsonNode     *node);

G_END_DECLS
