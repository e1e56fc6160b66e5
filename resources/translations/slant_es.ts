<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/ui/actions.py" line="43" />
        <source>a tag's key</source>
        <translation>la tecla de una etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="46" />
        <source>{keys} or {last}</source>
        <translation>{keys} o {last}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="79" />
        <source>&amp;Open Article…</source>
        <translation>&amp;Abrir artículo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="81" />
        <source>Open a news article to read</source>
        <translation>Abre una noticia para leerla</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="84" />
        <source>&amp;Clear Recent Articles</source>
        <translation>&amp;Borrar artículos recientes</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="87" />
        <source>Your &amp;Name…</source>
        <translation>Tu &amp;nombre…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="89" />
        <source>Change the name saved with notes</source>
        <translation>Cambia el nombre que se guarda con las notas</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="92" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="94" />
        <source>Print the article with its annotations</source>
        <translation>Imprime el artículo con sus anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="97" />
        <source>&amp;Export as PDF…</source>
        <translation>&amp;Exportar como PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="99" />
        <source>Save the annotated article as a PDF</source>
        <translation>Guarda el artículo anotado como PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="102" />
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="104" />
        <source>Name, reading font, theme</source>
        <translation>Nombre, letra de lectura, tema</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="107" />
        <source>&amp;Tag Guide</source>
        <translation>&amp;Guía de etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="109" />
        <source>What each tag means and what to do next</source>
        <translation>Qué significa cada etiqueta y qué hacer después</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="112" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="114" />
        <source>Close Slant</source>
        <translation>Cierra Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="116" />
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="118" />
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="122" />
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="124" />
        <source>Search the article</source>
        <translation>Busca en el artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="126" />
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="128" />
        <source>Find &amp;Previous</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="131" />
        <source>&amp;Edit Note…</source>
        <translation>&amp;Editar nota…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="133" />
        <source>Write a note</source>
        <translation>Escribe una nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="137" />
        <source>&amp;Delete Annotation</source>
        <translation>&amp;Borrar anotación</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="139" />
        <source>Remove it</source>
        <translation>Quítala</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="143" />
        <source>Ne&amp;xt Annotation</source>
        <translation>Anotación si&amp;guiente</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="145" />
        <source>Jump to the next annotation</source>
        <translation>Salta a la siguiente anotación</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="147" />
        <source>Pre&amp;vious Annotation</source>
        <translation>Anotación an&amp;terior</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="149" />
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="151" />
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="152" />
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="154" />
        <source>Switch to &amp;List / Article</source>
        <translation>Cambiar a &amp;lista / artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="156" />
        <source>Move the keyboard focus</source>
        <translation>Mueve el foco del teclado</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="158" />
        <source>Switch &amp;Back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="195" />
        <source>Tag as {label}</source>
        <translation>Etiquetar como {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="199" />
        <source>Tag the selected text as “{label}”</source>
        <translation>Etiqueta el texto seleccionado como «{label}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="204" />
        <source>Change the annotation's tag to {label}</source>
        <translation>Cambia la etiqueta de la anotación a {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="241" />
        <source>No recent articles</source>
        <translation>No hay artículos recientes</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="224" />
        <source>✎ No note yet (Enter adds one)</source>
        <translation>✎ Aún no hay nota (Intro añade una)</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../app/ui/annotation_model.py" line="107" />
        <source>Unknown tag ({id})</source>
        <translation>Etiqueta desconocida ({id})</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotation_model.py" line="113" />
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
</context>
<context>
    <name>AnnotationListView</name>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="252" />
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="254" />
        <source>Enter edits the note, Delete removes the annotation</source>
        <translation>Intro edita la nota, Supr borra la anotación</translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <location filename="../../app/ui/author_dialog.py" line="24" />
        <source>Welcome to Slant</source>
        <translation>Te damos la bienvenida a Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/author_dialog.py" line="27" />
        <source>&lt;b&gt;What's your name?&lt;/b&gt;&lt;br&gt;Slant writes it into your annotation files so your teacher knows they are yours. You can skip this and add it later from the File menu.</source>
        <translation>&lt;b&gt;¿Cómo te llamas?&lt;/b&gt;&lt;br&gt;Slant lo escribe en tus archivos de anotaciones para que tu profe sepa que son tuyos. Puedes saltarte esto y añadirlo más tarde desde el menú Archivo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/author_dialog.py" line="36" />
        <location filename="../../app/ui/author_dialog.py" line="37" />
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/author_dialog.py" line="42" />
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/find_bar.py" line="48" />
        <location filename="../../app/ui/find_bar.py" line="50" />
        <source>Find in article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="51" />
        <source>Text to find</source>
        <translation>Texto que buscas</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="54" />
        <source>Matches</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="57" />
        <location filename="../../app/ui/find_bar.py" line="197" />
        <source>{number} of {count}</source>
        <translation>{number} de {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="61" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Resultado anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="63" />
        <source>Next match (Enter)</source>
        <translation>Resultado siguiente (Intro)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="64" />
        <source>Close the find bar (Esc)</source>
        <translation>Cierra la barra de búsqueda (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="191" />
        <source>No matches</source>
        <translation>Sin resultados</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="194" />
        <source>{count} matches</source>
        <translation>{count} resultados</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="116" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118" />
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="125" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131" />
        <source>&amp;Annotate</source>
        <translation>A&amp;notar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="132" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="136" />
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="148" />
        <source>Change &amp;Tag To</source>
        <translation>Cambiar &amp;etiqueta a</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219" />
        <source>The article you had open stays open.</source>
        <translation>El artículo que tenías abierto sigue abierto.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="226" />
        <source>Slant could not open this article</source>
        <translation>Slant no pudo abrir este artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="233" />
        <source>Slant could not read the annotations</source>
        <translation>Slant no pudo leer las anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260" />
        <source>Your annotations are not saved</source>
        <translation>Tus anotaciones no están guardadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261" />
        <source>The annotations for “{title}” could not be saved: {error}

Go on anyway and lose the latest changes?</source>
        <translation>No se pudieron guardar las anotaciones de «{title}»: {error}

¿Quieres seguir de todos modos y perder los últimos cambios?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="266" />
        <source>Lose Changes</source>
        <translation>Perder cambios</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="315" />
        <source>Select some words in the article first, then press a key to tag them as {label}.</source>
        <translation>Primero selecciona unas palabras del artículo y luego pulsa una tecla para etiquetarlas como {label}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="326" />
        <source>Nothing was tagged: {reason}.</source>
        <translation>No se etiquetó nada: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="332" />
        <source>Tagged “{quote}” as {label}. Ctrl+Z undoes it.</source>
        <translation>Has etiquetado «{quote}» como {label}. Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="373" />
        <source>Press {keys} (or click a tag) to tag the selection.</source>
        <translation>Pulsa {keys} (o haz clic en una etiqueta) para etiquetar la selección.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="51" />
        <source>Not Now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="66" />
        <source>Open an Article</source>
        <translation>Abrir un artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="85" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="87" />
        <source>Try Again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="89" />
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../app/ui/note_editor.py" line="27" />
        <location filename="../../app/ui/note_editor.py" line="38" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/note_editor.py" line="34" />
        <source>Why did you tag this? What would you check?</source>
        <translation>¿Por qué lo etiquetaste? ¿Qué comprobarías?</translation>
    </message>
    <message>
        <location filename="../../app/ui/note_editor.py" line="36" />
        <source>Write your note here…</source>
        <translation>Escribe tu nota aquí…</translation>
    </message>
    <message>
        <location filename="../../app/ui/note_editor.py" line="52" />
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Intro guarda · Esc cancela</translation>
    </message>
</context>
<context>
    <name>SaveState</name>
    <message>
        <location filename="../../app/ui/document.py" line="35" />
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../../app/ui/document.py" line="36" />
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document.py" line="37" />
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/document.py" line="38" />
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../app/ui/sidebar.py" line="22" />
        <source>No annotations yet.

Select some words in the article, then press {keys} — or click a tag above.</source>
        <translation>Aún no hay anotaciones.

Selecciona unas palabras del artículo y pulsa {keys}, o haz clic en una etiqueta de arriba.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="27" />
        <source>No annotations with this tag yet.</source>
        <translation>Aún no hay anotaciones con esta etiqueta.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="75" />
        <source>Select words in the article, then press a number key or click a tag.</source>
        <translation>Selecciona palabras del artículo y pulsa una tecla de número o haz clic en una etiqueta.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="82" />
        <source>Show annotations with tag</source>
        <translation>Mostrar anotaciones con la etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="90" />
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="102" />
        <source>Tag the selection</source>
        <translation>Etiqueta la selección</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="158" />
        <source>All tags</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="226" />
        <source>Change &amp;Tag To</source>
        <translation>Cambiar &amp;etiqueta a</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="287" />
        <source>YOUR ANNOTATIONS</source>
        <translation>TUS ANOTACIONES</translation>
    </message>
</context>
<context>
    <name>TagButton</name>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="66" />
        <source>&lt;b&gt;{label}&lt;/b&gt; (key {key})&lt;br&gt;{description}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; (tecla {key})&lt;br&gt;{description}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="76" />
        <source>Tag as {label}, key {key}</source>
        <translation>Etiquetar como {label}, tecla {key}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="78" />
        <source>Tag as {label}</source>
        <translation>Etiquetar como {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar_widgets.py" line="80" />
        <source>{count} annotations. {description}</source>
        <translation>{count} anotaciones. {description}</translation>
    </message>
</context>
</TS>