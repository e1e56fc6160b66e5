<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="19"/>
        <source>About Slant</source>
        <translation>Acerca de Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="24"/>
        <source>version {version}</source>
        <translation>versión {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="28"/>
        <source>Read the news critically: tag loaded labels, unsourced claims, promotion and facts, write why, and compare with your class.</source>
        <translation>Lee las noticias con espíritu crítico: marca etiquetas cargadas, afirmaciones sin fuente, texto promocional y hechos, escribe por qué y compara con tu clase.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="35"/>
        <source>Free software under the MIT licence.</source>
        <translation>Software libre con licencia MIT.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../app/ui/actions.py" line="44"/>
        <source>a tag&apos;s key</source>
        <translation>la tecla de una etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="47"/>
        <source>{keys} or {last}</source>
        <translation>{keys} o {last}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="80"/>
        <source>&amp;Open Article…</source>
        <translation>&amp;Abrir artículo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="82"/>
        <source>Open a news article to read</source>
        <translation>Abre una noticia para leerla</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="85"/>
        <source>New Article from Clip&amp;board…</source>
        <translation>Nuevo artículo desde el &amp;portapapeles…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="87"/>
        <source>Save the text you copied as an article and open it</source>
        <translation>Guarda como artículo el texto que copiaste y ábrelo</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="90"/>
        <source>Open &amp;Class…</source>
        <translation>Abrir &amp;clase…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="92"/>
        <source>Compare a class&apos;s annotations of one article</source>
        <translation>Compara las anotaciones de una clase sobre un artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="96"/>
        <source>&amp;Hand In…</source>
        <translation>En&amp;tregar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="98"/>
        <source>Copy your annotations, named for your teacher, into a folder</source>
        <translation>Copia tus anotaciones en una carpeta, con un nombre que tu profe reconozca</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="102"/>
        <source>&amp;Clear Recent Articles</source>
        <translation>&amp;Borrar artículos recientes</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="105"/>
        <source>Your &amp;Name…</source>
        <translation>Tu &amp;nombre…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="107"/>
        <source>Change the name saved with notes</source>
        <translation>Cambia el nombre que se guarda con las notas</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="110"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="112"/>
        <source>Print the article with its annotations</source>
        <translation>Imprime el artículo con sus anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="115"/>
        <source>&amp;Export as PDF…</source>
        <translation>&amp;Exportar como PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="117"/>
        <source>Save the annotated article as a PDF</source>
        <translation>Guarda el artículo anotado como PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="120"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="122"/>
        <source>Name, reading font, theme</source>
        <translation>Nombre, letra de lectura, tema</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="125"/>
        <source>&amp;Tag Guide</source>
        <translation>&amp;Guía de etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="127"/>
        <source>What each tag means and what to do next</source>
        <translation>Qué significa cada etiqueta y qué hacer después</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="130"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="132"/>
        <source>Every key Slant answers to</source>
        <translation>Todas las teclas a las que responde Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="135"/>
        <source>&amp;About Slant</source>
        <translation>&amp;Acerca de Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="137"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="139"/>
        <source>Close Slant</source>
        <translation>Cierra Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="141"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="143"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="147"/>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="149"/>
        <source>Search the article</source>
        <translation>Busca en el artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="151"/>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="153"/>
        <source>Find &amp;Previous</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="156"/>
        <source>&amp;Edit Note…</source>
        <translation>&amp;Editar nota…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="158"/>
        <source>Write a note</source>
        <translation>Escribe una nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="162"/>
        <source>&amp;Delete Annotation</source>
        <translation>&amp;Borrar anotación</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="164"/>
        <source>Remove it</source>
        <translation>Quítala</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="168"/>
        <source>Ne&amp;xt Annotation</source>
        <translation>Anotación si&amp;guiente</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="170"/>
        <source>Jump to the next annotation</source>
        <translation>Salta a la siguiente anotación</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="172"/>
        <source>Pre&amp;vious Annotation</source>
        <translation>Anotación an&amp;terior</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="174"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="176"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="177"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="179"/>
        <source>Switch to &amp;List / Article</source>
        <translation>Cambiar a &amp;lista / artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="181"/>
        <source>Move the keyboard focus</source>
        <translation>Mueve el foco del teclado</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="183"/>
        <source>Switch &amp;Back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="223"/>
        <source>Tag as {label}</source>
        <translation>Etiquetar como {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="228"/>
        <source>Tag the selected text as “{label}”</source>
        <translation>Etiqueta el texto seleccionado como «{label}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="233"/>
        <source>Change the annotation&apos;s tag to {label}</source>
        <translation>Cambia la etiqueta de la anotación a {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="246"/>
        <source>&amp;Back to Your Annotations</source>
        <translation>&amp;Volver a tus anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="247"/>
        <source>Save the answer key and show your own annotations</source>
        <translation>Guarda la clave de respuestas y muestra tus propias anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="249"/>
        <source>New &amp;Answer Key…</source>
        <translation>Nueva cla&amp;ve de respuestas…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="250"/>
        <source>Annotate this article as the teacher&apos;s answer key</source>
        <translation>Anota este artículo como clave de respuestas del docente</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="273"/>
        <source>Change the tag to {label}</source>
        <translation>Cambiar la etiqueta a {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="331"/>
        <source>No recent articles</source>
        <translation>No hay artículos recientes</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="256"/>
        <source>✎ No note yet (Enter adds one)</source>
        <translation>✎ Aún no hay nota (Intro añade una)</translation>
    </message>
</context>
<context>
    <name>AnnotationDocument</name>
    <message>
        <location filename="../../app/ui/editing/document.py" line="182"/>
        <source>The article has changed: 1 annotation was moved to match.</source>
        <translation>El artículo ha cambiado: se ha movido 1 anotación para que coincida.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="189"/>
        <source>The article has changed: {count} annotations were moved to match.</source>
        <translation>El artículo ha cambiado: se han movido {count} anotaciones para que coincidan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="196"/>
        <source>1 annotation no longer matches the text; please check it under Needs attention.</source>
        <translation>1 anotación ya no coincide con el texto; revísala en «Necesita atención».</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="204"/>
        <source>{count} annotations no longer match the text; please check them under Needs attention.</source>
        <translation>{count} anotaciones ya no coinciden con el texto; revísalas en «Necesita atención».</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="320"/>
        <source>Open an article first.</source>
        <translation>Primero abre un artículo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="362"/>
        <source>that annotation is not there any more</source>
        <translation>esa anotación ya no está</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../app/ui/sidebar/annotation_model.py" line="110"/>
        <source>Unknown tag ({id})</source>
        <translation>Etiqueta desconocida ({id})</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/annotation_model.py" line="116"/>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
</context>
<context>
    <name>AnnotationListView</name>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="285"/>
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="287"/>
        <source>Enter edits the note, Delete removes the annotation</source>
        <translation>Intro edita la nota, Supr borra la anotación</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <location filename="../../app/core/annotations.py" line="93"/>
        <source>the selection is empty or only whitespace</source>
        <translation>la selección está vacía o solo tiene espacios en blanco</translation>
    </message>
</context>
<context>
    <name>AnswerKey</name>
    <message>
        <location filename="../../app/ui/answer_key.py" line="34"/>
        <source>Save the Answer Key</source>
        <translation>Guardar la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="36"/>
        <source>Slant answer keys (*{suffix})</source>
        <translation>Claves de respuestas de Slant (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="67"/>
        <source>Open the article the answer key is for first.</source>
        <translation>Primero abre el artículo al que corresponde la clave de respuestas.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="77"/>
        <source>Slant could not open the answer key</source>
        <translation>Slant no pudo abrir la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="78"/>
        <source>Your own annotations stay open.</source>
        <translation>Tus propias anotaciones siguen abiertas.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="96"/>
        <source>The answer key is saved; these are your own annotations.</source>
        <translation>La clave de respuestas está guardada; estas son tus propias anotaciones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="115"/>
        <source>This article has an answer key already: you are editing it.</source>
        <translation>Este artículo ya tiene clave de respuestas: la estás editando.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="119"/>
        <source>You are making the answer key for this article.</source>
        <translation>Estás haciendo la clave de respuestas de este artículo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="121"/>
        <source>It is saved as {file} beside the article, where Open Class finds it.</source>
        <translation>Se guarda como {file} junto al artículo, donde «Abrir clase» la encuentra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="126"/>
        <source>The article&apos;s folder cannot be written, so it is saved as {path}.</source>
        <translation>No se puede escribir en la carpeta del artículo, así que se guarda como {path}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/answer_key.py" line="130"/>
        <source>File &gt; Back to Your Annotations shows your own annotations again.</source>
        <translation>Archivo &gt; Volver a tus anotaciones vuelve a mostrar tus propias anotaciones.</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="138"/>
        <source>Your default tag set was not used: {problem}. Slant&apos;s four tags are used instead.</source>
        <translation>No se usó tu conjunto de etiquetas por defecto: {problem}. En su lugar se usan las cuatro etiquetas de Slant.</translation>
    </message>
</context>
<context>
    <name>ArticleErrors</name>
    <message>
        <location filename="../../app/core/article.py" line="169"/>
        <source>{path}: no such file</source>
        <translation>{path}: no existe ese archivo</translation>
    </message>
    <message>
        <location filename="../../app/core/article.py" line="172"/>
        <source>{path}: is not a file</source>
        <translation>{path}: no es un archivo</translation>
    </message>
    <message>
        <location filename="../../app/core/article.py" line="175"/>
        <source>{path}: is not an ordinary file (it is a pipe, a device or a socket) and cannot be opened as an article</source>
        <translation>{path}: no es un archivo normal (es una tubería, un dispositivo o un socket) y no se puede abrir como artículo</translation>
    </message>
    <message>
        <location filename="../../app/core/article.py" line="182"/>
        <source>{path}: the file is larger than {limit} MB</source>
        <translation>{path}: el archivo ocupa más de {limit} MB</translation>
    </message>
    <message>
        <location filename="../../app/core/article.py" line="185"/>
        <source>{file} could not be read: {reason}</source>
        <translation>No se pudo leer {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="113"/>
        <source>{file} is not UTF-8 and does not name its encoding, so Slant read it as Windows-1252 (Western European) text, as browsers do. If some letters look wrong, save the page again from your browser.</source>
        <translation>{file} no está en UTF-8 ni dice cuál es su codificación, así que Slant lo ha leído como texto Windows-1252 (Europa occidental), como hacen los navegadores. Si algunas letras se ven mal, vuelve a guardar la página desde tu navegador.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="120"/>
        <source>{file} is not saved as UTF-8, so Slant read it as Windows-1252 (Western European) text. If some letters look wrong, save it as UTF-8 from your editor and open it again.</source>
        <translation>{file} no está guardado como UTF-8, así que Slant lo ha leído como texto Windows-1252 (Europa occidental). Si algunas letras se ven mal, guárdalo como UTF-8 desde tu editor y vuelve a abrirlo.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="152"/>
        <location filename="../../app/core/web_page.py" line="102"/>
        <source>{file} has no text: there is nothing in it to read or tag.</source>
        <translation>{file} no tiene texto: no hay nada que leer ni etiquetar.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="164"/>
        <source>{file} is not an article Slant can open: use one of {kinds}.</source>
        <translation>{file} no es un artículo que Slant pueda abrir; usa uno de estos formatos: {kinds}.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="177"/>
        <source>{file} starts with a {encoding} byte-order mark but is not valid {encoding} text (at byte {byte}). Save it as UTF-8.</source>
        <translation>{file} empieza con una marca de orden de bytes de {encoding}, pero no es texto {encoding} válido (en el byte {byte}). Guárdalo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="200"/>
        <source>{file} says its encoding is {encoding}, but it is valid UTF-8 text and was read as UTF-8.</source>
        <translation>{file} dice que su codificación es {encoding}, pero es texto UTF-8 válido y se ha leído como UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="244"/>
        <source>{file} says its encoding is {encoding}, which Slant cannot read. Save it as UTF-8.</source>
        <translation>{file} dice que su codificación es {encoding}, que Slant no sabe leer. Guárdalo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="257"/>
        <source>{file} says its encoding is {encoding}, but byte 0x{byte:02X} on line {line} is not {encoding} text. Save it as UTF-8.</source>
        <translation>{file} dice que su codificación es {encoding}, pero el byte 0x{byte:02X} de la línea {line} no es texto {encoding}. Guárdalo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="277"/>
        <location filename="../../app/core/mhtml_page.py" line="46"/>
        <source>{file} looks like a binary file, not an article (it contains NUL bytes). If it is text, save it as UTF-8.</source>
        <translation>{file} parece un archivo binario, no un artículo (contiene bytes NUL). Si es texto, guárdalo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="289"/>
        <source>{file} is not UTF-8 text: byte 0x{byte:02X} on line {line} is not valid UTF-8. Open it in a text editor and save it as UTF-8 or name its encoding in a &lt;meta charset=&quot;...&quot;&gt; tag.</source>
        <translation>{file} no es texto UTF-8: el byte 0x{byte:02X} de la línea {line} no es UTF-8 válido. Ábrelo en un editor de texto y guárdalo como UTF-8, o indica su codificación con &lt;meta charset=&quot;...&quot;&gt;.</translation>
    </message>
    <message>
        <location filename="../../app/core/article_formats.py" line="296"/>
        <source>{file} is not UTF-8 text: byte 0x{byte:02X} on line {line} is not valid UTF-8. Open it in a text editor and save it as UTF-8.</source>
        <translation>{file} no es texto UTF-8: el byte 0x{byte:02X} de la línea {line} no es UTF-8 válido. Ábrelo en un editor de texto y guárdalo como UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/core/html_article.py" line="98"/>
        <source>the HTML could not be read ({reason}).</source>
        <translation>no se pudo leer el HTML ({reason}).</translation>
    </message>
    <message>
        <location filename="../../app/core/html_article.py" line="134"/>
        <source>the end of the file, from line {line} on, is inside a tag or comment that is never closed and was left out, as a web browser does.</source>
        <translation>el final del archivo, desde la línea {line}, está dentro de una etiqueta HTML o un comentario que nunca se cierra, y se ha dejado fuera, como hace un navegador web.</translation>
    </message>
    <message>
        <location filename="../../app/core/markdown_article.py" line="50"/>
        <source>the file has so many [ brackets that some links may be shown as plain text.</source>
        <translation>el archivo tiene tantos corchetes [ que algunos enlaces pueden mostrarse como texto normal.</translation>
    </message>
    <message>
        <location filename="../../app/core/markdown_article.py" line="57"/>
        <source>parts of the file are nested more than {levels} levels deep (lists or quotes inside each other) and may be missing.</source>
        <translation>partes del archivo tienen más de {levels} niveles anidados (listas o citas unas dentro de otras) y puede que falten.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../app/ui/article/article_view.py" line="92"/>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/article_view.py" line="94"/>
        <source>Select words with Shift and the arrow keys, then press a tag&apos;s key</source>
        <translation>Selecciona palabras con Mayús y las flechas y luego pulsa la tecla de una etiqueta</translation>
    </message>
</context>
<context>
    <name>AttentionController</name>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="319"/>
        <source>“{quote}” stays where it is now.</source>
        <translation>«{quote}» se queda donde está ahora.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="333"/>
        <source>Select the words in the article that “{quote}” belongs to first.</source>
        <translation>Primero selecciona las palabras del artículo a las que pertenece «{quote}».</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="344"/>
        <source>Nothing was re-attached: {reason}.</source>
        <translation>No se recolocó nada: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="351"/>
        <source>Re-attached to “{quote}”. Ctrl+Z undoes it.</source>
        <translation>Recolocada en «{quote}». Ctrl+Z lo deshace.</translation>
    </message>
</context>
<context>
    <name>AttentionItem</name>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="42"/>
        <source>The words were not found in the article any more: “{quote}”.</source>
        <translation>Ya no se encuentran las palabras en el artículo: «{quote}».</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="45"/>
        <source>The words changed: now “{quote}”.</source>
        <translation>Las palabras han cambiado: ahora «{quote}».</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="71"/>
        <source>words not found</source>
        <translation>palabras no encontradas</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="73"/>
        <source>words changed</source>
        <translation>palabras cambiadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="86"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="87"/>
        <source>Show “{quote}” in the article</source>
        <translation>Muestra «{quote}» en el artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="92"/>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="93"/>
        <source>Keep “{quote}” at its new place</source>
        <translation>Deja «{quote}» en su nuevo sitio</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="98"/>
        <source>Re-attach</source>
        <translation>Recolocar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="99"/>
        <source>Put “{quote}” on the selected words</source>
        <translation>Pon «{quote}» en las palabras seleccionadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="104"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="105"/>
        <source>Delete the annotation “{quote}”</source>
        <translation>Borra la anotación «{quote}»</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="145"/>
        <source>Needs attention</source>
        <translation>Necesita atención</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="152"/>
        <source>The article changed since these were made. To re-attach one, select its words in the article, then press Re-attach.</source>
        <translation>El artículo ha cambiado desde que se hicieron. Para recolocar una, selecciona sus palabras en el artículo y pulsa Recolocar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/attention.py" line="199"/>
        <source>⚠ NEEDS ATTENTION · {count}</source>
        <translation>⚠ NECESITA ATENCIÓN · {count}</translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="60"/>
        <source>Welcome to Slant</source>
        <translation>Te damos la bienvenida a Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="101"/>
        <source>&lt;b&gt;What&apos;s your name?&lt;/b&gt;&lt;br&gt;Slant writes it into your annotation files so your teacher knows they are yours. You can skip this and add it later from the File menu.</source>
        <translation>&lt;b&gt;¿Cómo te llamas?&lt;/b&gt;&lt;br&gt;Slant lo escribe en tus archivos de anotaciones para que tu profe sepa que son tuyos. Puedes saltarte esto y añadirlo más tarde desde el menú Archivo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="43"/>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="44"/>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="50"/>
        <source>Your Name for the Hand-In</source>
        <translation>Tu nombre para la entrega</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="51"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="55"/>
        <source>Don&apos;t Hand In</source>
        <translation>No entregar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="57"/>
        <source>Your Name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="61"/>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="110"/>
        <source>&lt;b&gt;What&apos;s your name?&lt;/b&gt;&lt;br&gt;Slant writes it into your annotation files so your teacher knows they are yours. A new name goes into the annotations you make from now on.</source>
        <translation>&lt;b&gt;¿Cómo te llamas?&lt;/b&gt;&lt;br&gt;Slant lo escribe en tus archivos de anotaciones para que tu profe sepa que son tuyos. Un nombre nuevo va en las anotaciones que hagas a partir de ahora.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/author_dialog.py" line="119"/>
        <source>&lt;b&gt;What&apos;s your name?&lt;/b&gt;&lt;br&gt;Your teacher tells hand-ins apart by the name on them, so your annotations cannot be handed in without it. Slant also writes it into your annotation files from now on.</source>
        <translation>&lt;b&gt;¿Cómo te llamas?&lt;/b&gt;&lt;br&gt;Tu profe distingue las entregas por el nombre que llevan, así que no puedes entregar tus anotaciones sin él. Además, a partir de ahora Slant lo escribe en tus archivos de anotaciones.</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../app/ui/editing/autosave.py" line="61"/>
        <source>The annotations could not be written ({reason}).</source>
        <translation>No se pudieron escribir las anotaciones ({reason}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/autosave.py" line="65"/>
        <source>The annotations could not be saved because of an internal error ({reason}).</source>
        <translation>No se pudieron guardar las anotaciones por un error interno ({reason}).</translation>
    </message>
</context>
<context>
    <name>ClassDialogs</name>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="41"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="68"/>
        <source>Open a Class</source>
        <translation>Abrir una clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="73"/>
        <source>Optional: otherwise the article&apos;s key file beside it (ARTICLE.key.slant.json) is used</source>
        <translation>Opcional: si no, se usa el archivo de clave junto al artículo (ARTÍCULO.key.slant.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="80"/>
        <source>Article file</source>
        <translation>Archivo del artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="85"/>
        <source>Answer key file (optional)</source>
        <translation>Archivo de la clave de respuestas (opcional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="92"/>
        <source>&amp;Article:</source>
        <translation>&amp;Artículo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="94"/>
        <source>Browse for the article</source>
        <translation>Busca el artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="100"/>
        <source>Browse for the sidecars folder</source>
        <translation>Busca la carpeta de anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="104"/>
        <source>Answer &amp;key:</source>
        <translation>Clave de &amp;respuestas:</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="106"/>
        <source>Browse for the answer key</source>
        <translation>Busca la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="83"/>
        <source>Folder or zip of the students&apos; sidecars</source>
        <translation>Carpeta o zip con los archivos de anotaciones de los estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="98"/>
        <source>&amp;Sidecars folder or zip:</source>
        <translation>&amp;Carpeta o zip de anotaciones:</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="117"/>
        <source>Browse for a zip of the sidecars</source>
        <translation>Busca un zip con los archivos de anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="119"/>
        <source>&amp;Zip…</source>
        <translation>&amp;Zip…</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="124"/>
        <source>Every *.slant.json file in the folder and its subfolders, or in the zip downloaded from Moodle, Canvas or Google Drive, is read; files that cannot be used are listed with the reason.</source>
        <translation>Se leen todos los archivos *.slant.json de la carpeta y sus subcarpetas, o del zip descargado de Moodle, Canvas o Google Drive; los que no se pueden usar aparecen en una lista con el motivo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="164"/>
        <source>The Class&apos;s Article</source>
        <translation>El artículo de la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="166"/>
        <source>Articles (*.txt *.md *.markdown *.html *.htm)</source>
        <translation>Artículos (*.txt *.md *.markdown *.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="173"/>
        <source>The Students&apos; Sidecars</source>
        <translation>Los archivos de anotaciones de los estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="179"/>
        <source>The Students&apos; Sidecars in a Zip</source>
        <translation>Los archivos de anotaciones de los estudiantes en un zip</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="181"/>
        <source>Zip files (*.zip);;All files (*)</source>
        <translation>Archivos zip (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="188"/>
        <source>The Answer Key</source>
        <translation>La clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="190"/>
        <source>Slant annotations (*.slant.json);;All files (*)</source>
        <translation>Anotaciones de Slant (*.slant.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="214"/>
        <source>Export the Class</source>
        <translation>Exportar la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="216"/>
        <source>Folder for the class files</source>
        <translation>Carpeta para los archivos de la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="217"/>
        <source>Export To</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="220"/>
        <source>&amp;Replace names with S01, S02, … (names.csv keys them)</source>
        <translation>&amp;Reemplazar los nombres por S01, S02, … (names.csv dice quién es quién)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="222"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_dialogs.py" line="224"/>
        <source>Browse for a folder</source>
        <translation>Busca una carpeta</translation>
    </message>
</context>
<context>
    <name>ClassModel</name>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="40"/>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="46"/>
        <source>undefined (no variation)</source>
        <translation>sin definir (no hay variación)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="48"/>
        <source>high agreement</source>
        <translation>acuerdo alto</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="50"/>
        <source>moderate: tentative</source>
        <translation>moderado: provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="52"/>
        <source>low: understood differently</source>
        <translation>bajo: se entiende de formas distintas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="53"/>
        <source>no better than chance</source>
        <translation>no mejor que el azar</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="59"/>
        <source>{file}: 1 annotation</source>
        <translation>{file}: 1 anotación</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="61"/>
        <source>{file}: {count} annotations</source>
        <translation>{file}: {count} anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="63"/>
        <source>; made on an older text, re-anchored</source>
        <translation>; hecha sobre un texto anterior y reubicada</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="234"/>
        <source>Tags in use (pooled)</source>
        <translation>Etiquetas en uso (en conjunto)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="247"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="247"/>
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="248"/>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="250"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="250"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="251"/>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="251"/>
        <source>Reading</source>
        <translation>Interpretación</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="255"/>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="256"/>
        <source>Recall</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="257"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="259"/>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="260"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_model.py" line="260"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ClassReport</name>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="27"/>
        <source>&lt;b&gt;Agreement (Krippendorff&apos;s alpha).&lt;/b&gt; For each tag, every character of the article
counts as one small decision: did a student give it that tag or not? Alpha compares how
often the students agree on those decisions with how often they would agree by pure chance
(if each kept the amount they tagged but placed it at random). &lt;b&gt;1&lt;/b&gt; means everyone
marked exactly the same characters; &lt;b&gt;0&lt;/b&gt; means no more agreement than chance; below 0
means the students systematically disagree. As a rule of thumb, {high} or more is high
agreement, {moderate}&amp;ndash;{high} moderate, and lower values mean the class understands the tag
differently &amp;mdash; a good tag to discuss. &lt;b&gt;n/a&lt;/b&gt; means alpha cannot be computed: there
are fewer than two students, or every student made the same choice for every character
(for example, nobody used the tag), so there is no disagreement to measure.</source>
        <translation>&lt;b&gt;Acuerdo (alfa de Krippendorff).&lt;/b&gt; Para cada etiqueta, cada carácter del artículo cuenta como una pequeña decisión: ¿le puso un estudiante esa etiqueta o no? Alfa compara cuánto coinciden los estudiantes en esas decisiones con cuánto coincidirían por puro azar (si cada uno mantuviera la cantidad que etiquetó, pero la colocara al azar). &lt;b&gt;1&lt;/b&gt; significa que todos marcaron exactamente los mismos caracteres; &lt;b&gt;0&lt;/b&gt;, que no hay más acuerdo que el del azar; por debajo de 0, que los estudiantes discrepan de forma sistemática. Como regla práctica, {high} o más es un acuerdo alto, {moderate}&amp;ndash;{high} moderado, y los valores más bajos indican que la clase entiende la etiqueta de formas distintas &amp;mdash; una buena etiqueta para comentar. &lt;b&gt;n/d&lt;/b&gt; significa que no se puede calcular alfa: hay menos de dos estudiantes, o todos tomaron la misma decisión en cada carácter (por ejemplo, nadie usó la etiqueta), así que no hay desacuerdo que medir.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="44"/>
        <source>&lt;b&gt;F1 between two students&lt;/b&gt; compares the characters they tagged (tag by tag):
twice the characters they both tagged the same way, divided by everything each of them
tagged. &lt;b&gt;1&lt;/b&gt; = identical, &lt;b&gt;0&lt;/b&gt; = nothing in common.</source>
        <translation>&lt;b&gt;F1 entre dos estudiantes&lt;/b&gt; compara los caracteres que etiquetaron (etiqueta por etiqueta): el doble de los caracteres que ambos etiquetaron igual, dividido entre todo lo que etiquetó cada uno. &lt;b&gt;1&lt;/b&gt; = idénticos, &lt;b&gt;0&lt;/b&gt; = nada en común.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="50"/>
        <source>&lt;b&gt;Against the answer key.&lt;/b&gt; &lt;i&gt;Precision&lt;/i&gt;: of what a student marked, how much
is also marked in the key with the same tag (a passage half inside the key counts half).
&lt;i&gt;Recall&lt;/i&gt;: of the key&apos;s passages, how much the student marked with the right tag.
&lt;i&gt;F1&lt;/i&gt; combines the two (it is high only when both are). Each is between 0 and 1.</source>
        <translation>&lt;b&gt;Comparado con la clave de respuestas.&lt;/b&gt; &lt;i&gt;Precisión&lt;/i&gt;: de lo que marcó un estudiante, cuánto está marcado también en la clave con la misma etiqueta (un fragmento que queda a medias dentro de la clave cuenta la mitad). &lt;i&gt;Cobertura&lt;/i&gt;: de los fragmentos de la clave, cuánto marcó el estudiante con la etiqueta correcta. &lt;i&gt;F1&lt;/i&gt; combina las dos (solo es alto cuando ambas lo son). Cada una va de 0 a 1.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="63"/>
        <source>1 student</source>
        <translation>1 estudiante</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="65"/>
        <source>{count} students</source>
        <translation>{count} estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="67"/>
        <source>with an answer key</source>
        <translation>con clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="69"/>
        <source>no answer key</source>
        <translation>sin clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="70"/>
        <source>{count:,} characters</source>
        <translation>{count} caracteres</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="71"/>
        <source>made with Slant on {date}</source>
        <translation>hecho con Slant el {date}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="86"/>
        <source>Class report: {title}</source>
        <translation>Informe de la clase: {title}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="87"/>
        <source>untitled article</source>
        <translation>artículo sin título</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="88"/>
        <source>How to read this report</source>
        <translation>Cómo leer este informe</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="127"/>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="129"/>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="131"/>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="142"/>
        <source>Tags in use (pooled)</source>
        <translation>Etiquetas en uso (en conjunto)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="151"/>
        <source>The pooled value treats every (tag, character) pair as one decision, so tags that cover more of the article weigh more.</source>
        <translation>El valor en conjunto trata cada par (etiqueta, carácter) como una sola decisión, así que las etiquetas que cubren más parte del artículo pesan más.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="157"/>
        <location filename="../../app/core/exports/html_report.py" line="406"/>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="158"/>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="159"/>
        <location filename="../../app/core/exports/html_report.py" line="162"/>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="160"/>
        <location filename="../../app/core/exports/html_report.py" line="281"/>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="201"/>
        <source>{number} of {total} students</source>
        <translation>{number} de {total} estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="202"/>
        <source>{number} of {total} students, in the key</source>
        <translation>{number} de {total} estudiantes, en la clave</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="203"/>
        <location filename="../../app/core/exports/html_report.py" line="378"/>
        <source>{number} of {total}</source>
        <translation>{number} de {total}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="204"/>
        <source>underlined</source>
        <translation>subrayado</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="205"/>
        <source>{underlined}: in the answer key</source>
        <translation>{underlined}: en la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="206"/>
        <source>Colour strength = how many students gave a passage this tag:</source>
        <translation>Intensidad del color = cuántos estudiantes pusieron esta etiqueta a un fragmento:</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="231"/>
        <source>No students.</source>
        <translation>No hay estudiantes.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="241"/>
        <source>The article: what the class tagged</source>
        <translation>El artículo: lo que etiquetó la clase</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="242"/>
        <source>Choose a tag. The darker a passage, the more students gave it that tag; hold the pointer over it for the number.</source>
        <translation>Elige una etiqueta. Cuanto más oscuro es un fragmento, más estudiantes le pusieron esa etiqueta; deja el puntero encima para ver el número.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="248"/>
        <source>Nobody has tagged a passage yet.</source>
        <translation>Nadie ha etiquetado todavía ningún pasaje.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="261"/>
        <source>{count} moved</source>
        <translation>{count} movidas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="262"/>
        <source>{count} fuzzy</source>
        <translation>{count} aproximadas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="263"/>
        <source>{count} orphan</source>
        <translation>{count} sin ubicar</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="269"/>
        <source>made on an older text; re-anchored: {detail}</source>
        <translation>hecho sobre un texto anterior; anotaciones reubicadas: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="271"/>
        <source>made on an older text; re-anchored</source>
        <translation>hecho sobre un texto anterior; anotaciones reubicadas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="274"/>
        <source>{count} not placed (orphans)</source>
        <translation>{count} sin ubicar (huérfanas)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="283"/>
        <source>No usable student files.</source>
        <translation>No hay archivos de estudiantes que se puedan usar.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="286"/>
        <location filename="../../app/core/exports/html_report.py" line="314"/>
        <location filename="../../app/core/exports/html_report.py" line="349"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="286"/>
        <location filename="../../app/core/exports/html_report.py" line="467"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="294"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="295"/>
        <source>Each cell: the number of passages the student gave that tag, and (in brackets) how many characters they cover together.</source>
        <translation>Cada celda: el número de fragmentos a los que el estudiante puso esa etiqueta y (entre paréntesis) cuántos caracteres cubren en total.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="315"/>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="316"/>
        <source>Recall</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="332"/>
        <source>Precision, recall and F1 over all tags together, then F1 tag by tag (n/a: neither the student nor the key used the tag).</source>
        <translation>Precisión, cobertura y F1 con todas las etiquetas juntas, y después F1 etiqueta por etiqueta (n/d: ni el estudiante ni la clave usaron la etiqueta).</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="337"/>
        <source>Against the answer key</source>
        <translation>Comparado con la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="346"/>
        <source>Pairs of students</source>
        <translation>Parejas de estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="347"/>
        <source>Fewer than two students.</source>
        <translation>Hay menos de dos estudiantes.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="363"/>
        <source>Pairs of students (F1 &amp;times; 100)</source>
        <translation>Parejas de estudiantes (F1 &amp;times; 100)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="364"/>
        <source>How similar two students&apos; tagging is, from 0 (nothing in common) to 100 (identical); &amp;ndash; when neither tagged anything. Columns follow the row numbers.</source>
        <translation>Cuánto se parece lo que etiquetaron dos estudiantes, de 0 (nada en común) a 100 (idéntico); &amp;ndash; cuando ninguno de los dos etiquetó nada. Las columnas siguen los números de las filas.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="377"/>
        <source>Key note: {note}</source>
        <translation>Nota de la clave: {note}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="407"/>
        <source>Passage in the key</source>
        <translation>Fragmento de la clave</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="408"/>
        <source>Found by</source>
        <translation>Encontrado por</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="409"/>
        <source>Most common other tag</source>
        <translation>Otra etiqueta más frecuente</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="410"/>
        <source>Missed by</source>
        <translation>No encontrado por</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="412"/>
        <source>The key has no passages.</source>
        <translation>La clave no tiene fragmentos.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="424"/>
        <source>In the key</source>
        <translation>En la clave</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="425"/>
        <source>Tagged instead as</source>
        <translation>Etiquetado en su lugar como</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="426"/>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="427"/>
        <source>Passages</source>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="429"/>
        <source>No passage of the key was given another tag.</source>
        <translation>Ningún fragmento de la clave recibió otra etiqueta.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="433"/>
        <source>Comparison with the answer key</source>
        <translation>Comparación con la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="434"/>
        <source>&quot;Found by&quot;: students who tagged part of the passage with the key&apos;s tag. &quot;Most common other tag&quot;: what the others who marked it chose instead.</source>
        <translation>«Encontrado por»: estudiantes que etiquetaron parte del fragmento con la etiqueta de la clave. «Otra etiqueta más frecuente»: lo que eligieron en su lugar los demás que lo marcaron.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="439"/>
        <source>Common confusions</source>
        <translation>Confusiones frecuentes</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="457"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="462"/>
        <source>the teacher&apos;s file</source>
        <translation>el archivo del docente</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="463"/>
        <source>Answer key: {file}</source>
        <translation>Clave de respuestas: {file}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="467"/>
        <source>Why it was skipped</source>
        <translation>Por qué se omitió</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="468"/>
        <source>Skipped files</source>
        <translation>Archivos omitidos</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="471"/>
        <source>No file was skipped.</source>
        <translation>No se omitió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="476"/>
        <source>Made on an older version of the article</source>
        <translation>Hechos sobre una versión anterior del artículo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_report.py" line="477"/>
        <source>Their annotations were moved onto the current text.</source>
        <translation>Sus anotaciones se trasladaron al texto actual.</translation>
    </message>
</context>
<context>
    <name>ClassWindow</name>
    <message>
        <location filename="../../app/ui/classroom/class_commands.py" line="22"/>
        <source>Copy “{quote}” ({label}) from {who} to the key</source>
        <translation>copia de «{quote}» ({label}) de {who} a la clave</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="129"/>
        <source>Tag shown in the heat map</source>
        <translation>Etiqueta que muestra el mapa de calor</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="133"/>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="137"/>
        <source>What the article shows of the answer key</source>
        <translation>Qué muestra el artículo de la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="145"/>
        <source>Heat map legend</source>
        <translation>Leyenda del mapa de calor</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="146"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="148"/>
        <source>Write the report, CSV files and feedback pages</source>
        <translation>Escribe el informe, los archivos CSV y las páginas de comentarios</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="155"/>
        <source>Students: checked ones are in the heat map</source>
        <translation>Estudiantes: los marcados salen en el mapa de calor</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="157"/>
        <source>Show &amp;All</source>
        <translation>&amp;Mostrar todos</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="158"/>
        <source>&amp;Hide All</source>
        <translation>&amp;Ocultar todos</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="164"/>
        <source>Who tagged the passage</source>
        <translation>Quién etiquetó el fragmento</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="166"/>
        <location filename="../../app/ui/classroom/class_view.py" line="319"/>
        <source>&amp;Copy to Key</source>
        <translation>&amp;Copiar a la clave</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="170"/>
        <source>Agreement per tag</source>
        <translation>Acuerdo por etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="177"/>
        <source>Scores per student</source>
        <translation>Puntuaciones por estudiante</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="187"/>
        <source>Files left out</source>
        <translation>Archivos omitidos</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="190"/>
        <source>Class results</source>
        <translation>Resultados de la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="191"/>
        <source>Class results: pages</source>
        <translation>Resultados de la clase: páginas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="221"/>
        <source>&amp;Tag:</source>
        <translation>E&amp;tiqueta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="222"/>
        <source>Answer &amp;key:</source>
        <translation>Clave de &amp;respuestas:</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="231"/>
        <source>&amp;Students</source>
        <translation>E&amp;studiantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="242"/>
        <source>&amp;Who Tagged It</source>
        <translation>&amp;Quién lo etiquetó</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="246"/>
        <source>A&amp;greement</source>
        <translation>Acuer&amp;do</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="250"/>
        <source>Sc&amp;ores</source>
        <translation>&amp;Puntuaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="252"/>
        <source>Ski&amp;pped ({count})</source>
        <translation>Om&amp;itidos ({count})</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="310"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="312"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="314"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="316"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="322"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="324"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="326"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="330"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="335"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="339"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_entries.py" line="37"/>
        <source>Answer key</source>
        <translation>Clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="472"/>
        <source>The answer key already has this passage with this tag.</source>
        <translation>La clave de respuestas ya tiene este fragmento con esta etiqueta.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="484"/>
        <source>Copied “{quote}” to the key. Ctrl+Z undoes it.</source>
        <translation>Has copiado «{quote}» a la clave. Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="495"/>
        <source>The answer key was not changed</source>
        <translation>La clave de respuestas no se cambió</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="527"/>
        <source>The class files were not written</source>
        <translation>No se escribieron los archivos de la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="530"/>
        <source>Wrote {count} files to {folder}</source>
        <translation>Se escribieron {count} archivos en {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_view.py" line="551"/>
        <source>Slant could not open the class</source>
        <translation>Slant no pudo abrir la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="17"/>
        <source>Class only</source>
        <translation>Solo la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="18"/>
        <source>Key only</source>
        <translation>Solo la clave</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="19"/>
        <source>Class and key</source>
        <translation>Clase y clave</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="25"/>
        <source>Click a passage in the article, or move the caret there, to see who tagged it.</source>
        <translation>Haz clic en un fragmento del artículo, o lleva el cursor hasta él, para ver quién lo etiquetó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="33"/>
        <source>Krippendorff&apos;s alpha over all {n} students, as in the exported report: 1 is complete agreement, 0 is chance level. {high} and more is high; below {moderate} the class understands the tag differently.</source>
        <translation>Alfa de Krippendorff de los {n} estudiantes, como en el informe exportado: 1 es acuerdo total y 0 es el nivel del azar. Desde {high} es alto; por debajo de {moderate} la clase entiende la etiqueta de formas distintas.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="44"/>
        <source>No answer key: open the class with a key file to see scores.</source>
        <translation>No hay clave de respuestas: abre la clase con un archivo de clave para ver las puntuaciones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="47"/>
        <source>Against the answer key, all tags together, with partial credit. Precision: how much of what the student marked the key marks too. Recall: how much of the key they found.</source>
        <translation>Comparado con la clave de respuestas, todas las etiquetas juntas y con puntuación parcial. Precisión: cuánto de lo que marcó el estudiante marca también la clave. Cobertura: cuánto de la clave encontró.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="56"/>
        <source>Class: {title} — {count} students — Slant</source>
        <translation>Clase: {title} — {count} estudiantes — Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="57"/>
        <source>an article</source>
        <translation>un artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="63"/>
        <source>{count} students</source>
        <translation>{count} estudiantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="66"/>
        <source>answer key: {file}</source>
        <translation>clave de respuestas: {file}</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="69"/>
        <source>no answer key</source>
        <translation>sin clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="71"/>
        <source>1 file skipped</source>
        <translation>1 archivo omitido</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="73"/>
        <source>{count} files skipped</source>
        <translation>{count} archivos omitidos</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="81"/>
        <source>The answer key&apos;s passages in their tags&apos; colours.</source>
        <translation>Los fragmentos de la clave de respuestas, con los colores de sus etiquetas.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="83"/>
        <source>No student is shown.</source>
        <translation>No se muestra ningún estudiante.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="93"/>
        <source>Students who tagged it: {swatches}</source>
        <translation>Estudiantes que lo etiquetaron: {swatches}</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="97"/>
        <source> · key passages underlined</source>
        <translation> · clave subrayada</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="104"/>
        <source>{count} of {total} students tagged this as {label}</source>
        <translation>{count} de {total} estudiantes etiquetaron esto como {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="106"/>
        <source>{count} of {total} students tagged this (with any tag)</source>
        <translation>{count} de {total} estudiantes etiquetaron esto (con cualquier etiqueta)</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="113"/>
        <source>“{quote}”: {count} of {total} shown students tagged this as {label}.</source>
        <translation>«{quote}»: {count} de {total} estudiantes mostrados etiquetaron esto como {label}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/class_words.py" line="117"/>
        <source>“{quote}”: {count} of {total} shown students tagged this (with any tag).</source>
        <translation>«{quote}»: {count} de {total} estudiantes mostrados etiquetaron esto (con cualquier etiqueta).</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <location filename="../../app/core/submissions.py" line="131"/>
        <source>no such file or folder</source>
        <translation>no existe ese archivo o carpeta</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="261"/>
        <source>the file is too big ({size} MB)</source>
        <translation>el archivo es demasiado grande ({size} MB)</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="259"/>
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="122"/>
        <source>another answer key: --key names the one used</source>
        <translation>otra clave de respuestas: --key indica la que se usa</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="190"/>
        <source>not used as the answer key: it is a symbolic link, not the file itself</source>
        <translation>no se usa como clave de respuestas: es un enlace simbólico, no el archivo mismo</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="194"/>
        <source>not used as the answer key: it is not a regular file</source>
        <translation>no se usa como clave de respuestas: no es un archivo normal</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="196"/>
        <source>not used as the answer key: another user made it (--key FILE uses it)</source>
        <translation>no se usa como clave de respuestas: lo creó otro usuario (--key ARCHIVO lo usa)</translation>
    </message>
    <message>
        <location filename="../../app/core/submissions.py" line="130"/>
        <source>a symbolic link to something that does not exist</source>
        <translation>un enlace simbólico a algo que no existe</translation>
    </message>
    <message>
        <location filename="../../app/core/submissions.py" line="145"/>
        <source>a symbolic link loop (the link leads back to itself)</source>
        <translation>un bucle de enlaces simbólicos (el enlace lleva de vuelta a sí mismo)</translation>
    </message>
    <message>
        <location filename="../../app/core/submissions.py" line="147"/>
        <source>not a regular file (a folder, pipe or device)</source>
        <translation>no es un archivo normal (una carpeta, una tubería o un dispositivo)</translation>
    </message>
    <message>
        <location filename="../../app/core/submissions.py" line="148"/>
        <source>the file cannot be read ({reason})</source>
        <translation>no se puede leer el archivo ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="265"/>
        <source>a symbolic link: links found in a folder are not followed</source>
        <translation>un enlace simbólico: los enlaces encontrados en una carpeta no se siguen</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="233"/>
        <source>it was made for another article ({other}, not {this})</source>
        <translation>se hizo para otro artículo ({other}, no {this})</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="319"/>
        <source>the answer key {path} cannot be used: {reason}</source>
        <translation>no se puede usar la clave de respuestas {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/resubmissions.py" line="47"/>
        <location filename="../../app/core/resubmissions.py" line="95"/>
        <source>duplicate: the same file as {other}</source>
        <translation>duplicado: es el mismo archivo que {other}</translation>
    </message>
    <message>
        <location filename="../../app/core/resubmissions.py" line="50"/>
        <location filename="../../app/core/resubmissions.py" line="97"/>
        <source>duplicate: the same annotations (ids) as {other}</source>
        <translation>duplicado: tiene las mismas anotaciones (ids) que {other}</translation>
    </message>
    <message>
        <location filename="../../app/core/resubmissions.py" line="99"/>
        <source>an older hand-in by the same student: {other} has later changes</source>
        <translation>una entrega anterior del mismo estudiante: {other} tiene cambios más recientes</translation>
    </message>
    <message>
        <location filename="../../app/core/resubmissions.py" line="103"/>
        <source>another hand-in by the same student: {other} is used</source>
        <translation>otra entrega del mismo estudiante: se usa {other}</translation>
    </message>
    <message>
        <location filename="../../app/core/resubmissions.py" line="108"/>
        <source>the answer key</source>
        <translation>la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="374"/>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location filename="../../app/core/classroom.py" line="423"/>
        <source>another file</source>
        <translation>otro archivo</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../app/ui/editing/commands.py" line="36"/>
        <source>Tag “{quote}” as {label}</source>
        <translation>etiquetado de «{quote}» como {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/commands.py" line="54"/>
        <source>Delete “{quote}”</source>
        <translation>borrado de «{quote}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/commands.py" line="112"/>
        <source>Change “{quote}” to {label}</source>
        <translation>cambio de «{quote}» a {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/commands.py" line="122"/>
        <source>Edit Note on “{quote}”</source>
        <translation>edición de la nota de «{quote}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/commands.py" line="132"/>
        <source>Re-attach “{quote}” to “{new_quote}”</source>
        <translation>recolocación de «{quote}» en «{new_quote}»</translation>
    </message>
</context>
<context>
    <name>ExportErrors</name>
    <message>
        <location filename="../../app/core/exports/output_folder.py" line="92"/>
        <source>{name}: the file name is too long</source>
        <translation>{name}: el nombre del archivo es demasiado largo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/output_folder.py" line="102"/>
        <location filename="../../app/core/exports/output_folder.py" line="114"/>
        <source>it is not a folder</source>
        <translation>no es una carpeta</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/output_folder.py" line="120"/>
        <source>it is not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/output_folder.py" line="155"/>
        <source>{path} is a symbolic link, and Slant never writes through links (someone may have put it there to overwrite another file): remove it or choose another folder</source>
        <translation>{path} es un enlace simbólico, y Slant nunca escribe a través de enlaces (alguien puede haberlo puesto ahí para sobrescribir otro archivo): elimínalo o elige otra carpeta</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/output_folder.py" line="164"/>
        <source>{path} is in the way: {reason}</source>
        <translation>{path} estorba: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/output_folder.py" line="169"/>
        <source>{path}: cannot be written ({reason})</source>
        <translation>{path}: no se puede escribir ({reason})</translation>
    </message>
</context>
<context>
    <name>ExportPages</name>
    <message>
        <location filename="../../app/core/exports/html_page.py" line="81"/>
        <source>en</source>
        <translation>es</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/html_page.py" line="104"/>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../app/core/exports/page_source.py" line="25"/>
        <location filename="../../app/core/exports/page_source.py" line="37"/>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="72"/>
        <source>{tags} (in the key)</source>
        <translation>{tags} (en la clave)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="74"/>
        <source>in the key</source>
        <translation>en la clave</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="139"/>
        <source>Teacher: {note}</source>
        <translation>Tu profe: {note}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="145"/>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="148"/>
        <source>Tagged differently: {tags}</source>
        <translation>Con otra etiqueta: {tags}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="151"/>
        <source>Missed</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="171"/>
        <source>Precision {precision} (how much of what you marked is in the key), recall {recall} (how much of the key you marked), F1 {f1} (both together; 1 is a perfect match).</source>
        <translation>Precisión {precision} (cuánto de lo que marcaste está en la clave), cobertura {recall} (cuánto de la clave marcaste), F1 {f1} (las dos juntas; 1 es una coincidencia perfecta).</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="182"/>
        <source>Feedback for {name}</source>
        <translation>Comentarios para {name}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="183"/>
        <source>made with Slant</source>
        <translation>hecho con Slant</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="184"/>
        <source>The key&apos;s passages and yours</source>
        <translation>Los fragmentos de la clave y los tuyos</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="187"/>
        <source>In the answer key</source>
        <translation>En la clave de respuestas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="188"/>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="189"/>
        <source>Your annotations there</source>
        <translation>Tus anotaciones ahí</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="191"/>
        <source>The key has no passages.</source>
        <translation>La clave no tiene fragmentos.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="208"/>
        <source>Your annotations that are not in the key</source>
        <translation>Tus anotaciones que no están en la clave</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="209"/>
        <source>Not necessarily wrong: talk about them with your teacher.</source>
        <translation>No tienen por qué estar mal: coméntalas con tu profe.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="213"/>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="214"/>
        <source>Passage</source>
        <translation>Fragmento</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="215"/>
        <source>Your note</source>
        <translation>Tu nota</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="219"/>
        <source>Underlined</source>
        <translation>Subrayado</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="220"/>
        <source>{underlined}: in the answer key.</source>
        <translation>{underlined}: en la clave de respuestas.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="221"/>
        <source>The article</source>
        <translation>El artículo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="233"/>
        <source>The answer key marks 1 passage. You found &lt;b&gt;{found}&lt;/b&gt;, tagged &lt;b&gt;{other}&lt;/b&gt; differently and missed &lt;b&gt;{missed}&lt;/b&gt;.</source>
        <translation>La clave de respuestas marca 1 fragmento. Encontraste &lt;b&gt;{found}&lt;/b&gt;, etiquetaste &lt;b&gt;{other}&lt;/b&gt; de otra forma y no encontraste &lt;b&gt;{missed}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="239"/>
        <source>The answer key marks {count} passages. You found &lt;b&gt;{found}&lt;/b&gt;, tagged &lt;b&gt;{other}&lt;/b&gt; differently and missed &lt;b&gt;{missed}&lt;/b&gt;.</source>
        <translation>La clave de respuestas marca {count} fragmentos. Encontraste &lt;b&gt;{found}&lt;/b&gt;, etiquetaste &lt;b&gt;{other}&lt;/b&gt; de otra forma y no encontraste &lt;b&gt;{missed}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="39"/>
        <location filename="../../app/ui/article/find_bar.py" line="41"/>
        <source>Find in article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="42"/>
        <source>Text to find</source>
        <translation>Texto que buscas</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="45"/>
        <source>Matches</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="48"/>
        <location filename="../../app/ui/article/find_bar.py" line="200"/>
        <source>{number} of {count}</source>
        <translation>{number} de {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="52"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Resultado anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="54"/>
        <source>Next match (Enter)</source>
        <translation>Resultado siguiente (Intro)</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="55"/>
        <source>Close the find bar (Esc)</source>
        <translation>Cierra la barra de búsqueda (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="194"/>
        <source>No matches</source>
        <translation>Sin resultados</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/find_bar.py" line="197"/>
        <source>{count} matches</source>
        <translation>{count} resultados</translation>
    </message>
</context>
<context>
    <name>HandIn</name>
    <message>
        <location filename="../../app/core/handin.py" line="38"/>
        <source>{file} is already in {folder}</source>
        <translation>{file} ya está en {folder}</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="75"/>
        <source>a hand-in needs the student&apos;s name</source>
        <translation>una entrega necesita el nombre del estudiante</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="100"/>
        <source>{folder} does not exist: plug in the USB stick or drive, or choose another folder</source>
        <translation>{folder} no existe: conecta la memoria USB o el disco, o elige otra carpeta</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="106"/>
        <source>{folder} is a file, not a folder</source>
        <translation>{folder} es un archivo, no una carpeta</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="113"/>
        <location filename="../../app/core/handin.py" line="114"/>
        <source>you are not allowed to write there</source>
        <translation>no tienes permiso para escribir ahí</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="115"/>
        <source>it is read-only</source>
        <translation>es de solo lectura</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="116"/>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="117"/>
        <source>a link has the hand-in&apos;s name</source>
        <translation>hay un enlace con el nombre de la entrega</translation>
    </message>
    <message>
        <location filename="../../app/core/handin.py" line="120"/>
        <source>{folder} cannot be written ({reason}): choose another folder</source>
        <translation>no se puede escribir en {folder} ({reason}): elige otra carpeta</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="27"/>
        <source>Hand In: Choose a Folder</source>
        <translation>Entregar: elegir una carpeta</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="55"/>
        <source>Open the article you annotated to hand it in.</source>
        <translation>Para entregar tus anotaciones, abre el artículo que anotaste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="59"/>
        <source>These annotations cannot be handed in</source>
        <translation>Estas anotaciones no se pueden entregar</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="70"/>
        <source>Nothing was handed in: your teacher tells hand-ins apart by their names. Hand in again and type your name, or set it under File &gt; Your Name…</source>
        <translation>No se entregó nada: tu profe distingue las entregas por sus nombres. Vuelve a entregar y escribe tu nombre, o ponlo en Archivo &gt; Tu nombre…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="91"/>
        <source>Your annotations were not handed in</source>
        <translation>Tus anotaciones no se entregaron</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="100"/>
        <source>Replace Your Earlier Hand-In?</source>
        <translation>¿Reemplazar tu entrega anterior?</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="101"/>
        <source>{file} is already in {folder}. Replace it with your annotations as they are now?</source>
        <translation>{file} ya está en {folder}. ¿Quieres reemplazarlo por tus anotaciones tal como están ahora?</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="105"/>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="110"/>
        <source>Handed in 1 annotation as {file} in {folder}.</source>
        <translation>Has entregado 1 anotación como {file} en {folder}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="112"/>
        <source>Handed in {count} annotations as {file} in {folder}.</source>
        <translation>Has entregado {count} anotaciones como {file} en {folder}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handin.py" line="113"/>
        <source>Give your teacher that file, or upload it where they ask.</source>
        <translation>Dale ese archivo a tu profe o súbelo donde te diga.</translation>
    </message>
</context>
<context>
    <name>HeatMapView</name>
    <message>
        <location filename="../../app/ui/classroom/heatmap.py" line="208"/>
        <source>Article with the class heat map</source>
        <translation>Artículo con el mapa de calor de la clase</translation>
    </message>
    <message>
        <location filename="../../app/ui/classroom/heatmap.py" line="210"/>
        <source>Click a passage, or move the caret with the arrow keys, to list who tagged it</source>
        <translation>Haz clic en un fragmento, o mueve el cursor con las flechas, para ver quién lo etiquetó</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="42"/>
        <location filename="../../app/core/exports/w3c_import.py" line="124"/>
        <source>annotation {number}</source>
        <translation>la anotación {number}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="57"/>
        <source>it is not an annotation (a JSON object)</source>
        <translation>no es una anotación (un objeto JSON)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="59"/>
        <source>it is a reply to another annotation, not on words</source>
        <translation>es una respuesta a otra anotación, no está sobre ninguna palabra</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="62"/>
        <source>it is a page note: it selects no words</source>
        <translation>es una nota de página: no selecciona ninguna palabra</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="65"/>
        <source>it has no tags, so it cannot be given one of ours</source>
        <translation>no tiene etiquetas, así que no se le puede asignar ninguna de las nuestras</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="69"/>
        <source>{tags} is not a tag of this tag set ({ids})</source>
        <translation>{tags} no es una etiqueta de este conjunto de etiquetas ({ids})</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/hypothesis_import.py" line="74"/>
        <source>; imported with its other tags</source>
        <translation>; se importó con sus otras etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/quote_placement.py" line="102"/>
        <source>the quote {quote!r} occurs {count} times in the article, and with no prefix or suffix nothing tells which one is meant</source>
        <translation>la cita {quote!r} aparece {count} veces en el artículo y, sin prefijo ni sufijo, nada indica a cuál se refiere</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/quote_placement.py" line="108"/>
        <source>the quote {quote!r} occurs {count} times in the article, and its context fits {tied} of them equally well</source>
        <translation>la cita {quote!r} aparece {count} veces en el artículo, y su contexto encaja igual de bien con {tied} de ellas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/quote_placement.py" line="192"/>
        <source>the quote {quote!r} is not in the article</source>
        <translation>la cita {quote!r} no está en el artículo</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_import.py" line="75"/>
        <source>{source}: this Hypothesis export has no rows</source>
        <translation>{source}: esta exportación de Hypothesis no tiene filas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_import.py" line="81"/>
        <source>{source}: no annotations found (expected an Annotation, a list of them, an AnnotationPage, an AnnotationCollection or a Hypothesis export)</source>
        <translation>{source}: no se encontraron anotaciones (se esperaba una Annotation, una lista de ellas, una AnnotationPage, una AnnotationCollection o una exportación de Hypothesis)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_import.py" line="110"/>
        <source>the same id appears twice</source>
        <translation>el mismo id aparece dos veces</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_import.py" line="195"/>
        <source>no body names one of the tags: {tags} is not a tag of this tag set ({ids})</source>
        <translation>ningún cuerpo (&apos;body&apos;) nombra una de las etiquetas: {tags} no es una etiqueta de este conjunto de etiquetas ({ids})</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_import.py" line="204"/>
        <source>it has no tag: no body has the purpose &apos;tagging&apos; or names a tag (by id or label)</source>
        <translation>no tiene etiqueta: ningún cuerpo (&apos;body&apos;) tiene el propósito &apos;tagging&apos; ni nombra una etiqueta (por su id o su nombre)</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="91"/>
        <source>it has no TextQuoteSelector (only {kinds}), so its words cannot be found</source>
        <translation>no tiene TextQuoteSelector (solo {kinds}), así que no se pueden encontrar sus palabras</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="96"/>
        <source>it has no TextQuoteSelector (no selector at all), so its words cannot be found</source>
        <translation>no tiene TextQuoteSelector (no tiene ningún selector), así que no se pueden encontrar sus palabras</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="164"/>
        <source>its TextQuoteSelector has no &apos;exact&apos; text</source>
        <translation>su TextQuoteSelector no tiene texto en &apos;exact&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="166"/>
        <source>its quote is only whitespace</source>
        <translation>su cita solo tiene espacios en blanco</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="184"/>
        <source>its TextPositionSelector refinement is outside its quote {quote!r}</source>
        <translation>su refinamiento TextPositionSelector queda fuera de su cita {quote!r}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="218"/>
        <source>its refining quote {inner!r} is not in its outer quote</source>
        <translation>su cita de refinamiento {inner!r} no está dentro de su cita exterior</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/w3c_selectors.py" line="230"/>
        <source>its refining quote {inner!r} occurs {count} times in its outer quote</source>
        <translation>su cita de refinamiento {inner!r} aparece {count} veces en su cita exterior</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>&amp;Annotate</source>
        <translation>A&amp;notar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201"/>
        <source>Change &amp;Tag To</source>
        <translation>Cambiar &amp;etiqueta a</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="408"/>
        <source>Answer Key: {title}</source>
        <translation>Clave de respuestas: {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="409"/>
        <source>Answer key · {state}</source>
        <translation>Clave de respuestas · {state}</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="100"/>
        <source>The article you had open stays open.</source>
        <translation>El artículo que tenías abierto sigue abierto.</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="47"/>
        <source>Slant could not open this article</source>
        <translation>Slant no pudo abrir este artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="62"/>
        <source>Slant could not read the annotations</source>
        <translation>Slant no pudo leer las anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="339"/>
        <source>Your settings could not be used</source>
        <translation>No se pudieron usar tus preferencias</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="88"/>
        <source>Your annotations are not saved</source>
        <translation>Tus anotaciones no están guardadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="89"/>
        <source>The annotations for “{title}” could not be saved: {error}

Go on anyway and lose the latest changes?</source>
        <translation>No se pudieron guardar las anotaciones de «{title}»: {error}

¿Quieres seguir de todos modos y perder los últimos cambios?</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="94"/>
        <source>Lose Changes</source>
        <translation>Perder cambios</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="130"/>
        <source>The page&apos;s article could not be found, so its whole text is shown: {reason}.</source>
        <translation>No se encontró el artículo de la página, así que se muestra todo su texto: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="145"/>
        <source>Slant cannot find {file}: it is no longer in {folder}. It may have been moved, renamed or deleted, or it is on a USB stick or drive that is not plugged in.</source>
        <translation>Slant no encuentra {file}: ya no está en {folder}. Puede que se haya movido, cambiado de nombre o borrado, o que esté en una memoria USB o un disco que no está conectado.</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_opening.py" line="151"/>
        <source>{file} is not saved as UTF-8 text, so Slant cannot read its letters. Open it in your text editor, save it as UTF-8 (under “Save As”, choose the encoding UTF-8) and open it again.</source>
        <translation>{file} no está guardado como texto UTF-8, así que Slant no puede leer sus letras. Ábrelo en tu editor de texto, guárdalo como UTF-8 (en «Guardar como», elige la codificación UTF-8) y vuelve a abrirlo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="62"/>
        <source>Select some words in the article first, then press a key to tag them as {label}.</source>
        <translation>Primero selecciona unas palabras del artículo y luego pulsa una tecla para etiquetarlas como {label}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="73"/>
        <source>“{quote}” is already tagged as {label}: here it is.</source>
        <translation>«{quote}» ya está etiquetado como {label}: aquí lo tienes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="81"/>
        <source>Nothing was tagged: {reason}.</source>
        <translation>No se etiquetó nada: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="85"/>
        <source>Tagged “{quote}” as {label}. Ctrl+Z undoes it.</source>
        <translation>Has etiquetado «{quote}» como {label}. Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="110"/>
        <source>Deleted “{quote}”. Ctrl+Z restores it.</source>
        <translation>Has borrado «{quote}». Ctrl+Z lo recupera.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="136"/>
        <source>Put the caret on a highlight, then press Enter to write its note.</source>
        <translation>Pon el cursor en un resaltado y pulsa Intro para escribir su nota.</translation>
    </message>
    <message>
        <location filename="../../app/ui/annotating.py" line="178"/>
        <source>Press {keys} (or click a tag) to tag the selection.</source>
        <translation>Pulsa {keys} (o haz clic en una etiqueta) para etiquetar la selección.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="60"/>
        <source>Not Now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="74"/>
        <source>Open an Article</source>
        <translation>Abrir un artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="76"/>
        <source>Articles ({patterns});;All files (*)</source>
        <translation>Artículos ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="101"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="106"/>
        <location filename="../../app/ui/messages.py" line="108"/>
        <location filename="../../app/ui/messages.py" line="178"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="111"/>
        <source>Try Again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="113"/>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="178"/>
        <source>Hide Details</source>
        <translation>Ocultar detalles</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../app/ui/dialogs/note_editor.py" line="29"/>
        <location filename="../../app/ui/dialogs/note_editor.py" line="40"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/note_editor.py" line="36"/>
        <source>Why did you tag this? What would you check?</source>
        <translation>¿Por qué lo etiquetaste? ¿Qué comprobarías?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/note_editor.py" line="38"/>
        <source>Write your note here…</source>
        <translation>Escribe tu nota aquí…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/note_editor.py" line="54"/>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Intro guarda · Esc cancela</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <location filename="../../app/core/exports/phrases.py" line="18"/>
        <source>{whole}.{fraction}</source>
        <translation>{whole},{fraction}</translation>
    </message>
</context>
<context>
    <name>PageErrors</name>
    <message>
        <location filename="../../app/core/web_page.py" line="105"/>
        <source>the page</source>
        <translation>la página</translation>
    </message>
    <message>
        <location filename="../../app/core/web_page.py" line="117"/>
        <source>the page has a tag with thousands of attributes, which Slant does not give to the article finder</source>
        <translation>la página tiene una etiqueta HTML con miles de atributos, y Slant no se la pasa al buscador de artículos</translation>
    </message>
    <message>
        <location filename="../../app/core/web_page.py" line="128"/>
        <source>the article could not be found in the page ({reason})</source>
        <translation>no se pudo encontrar el artículo en la página ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/core/web_page.py" line="132"/>
        <source>no article was found in the page</source>
        <translation>no se encontró ningún artículo en la página</translation>
    </message>
    <message>
        <location filename="../../app/core/web_page.py" line="135"/>
        <source>the article found in the page had only {count} characters</source>
        <translation>el artículo encontrado en la página solo tenía {count} caracteres</translation>
    </message>
    <message>
        <location filename="../../app/core/mhtml_page.py" line="27"/>
        <source>{file} has more than {count} parts, more than any saved web page: Slant does not read it.</source>
        <translation>{file} tiene más de {count} partes, más que cualquier página web guardada: Slant no lo lee.</translation>
    </message>
    <message>
        <location filename="../../app/core/mhtml_page.py" line="38"/>
        <source>{file} is not a web page archive Slant can read.</source>
        <translation>{file} no es un archivo de página web que Slant pueda leer.</translation>
    </message>
    <message>
        <location filename="../../app/core/mhtml_page.py" line="41"/>
        <source>{file} holds no web page: it has no part of type text/html.</source>
        <translation>{file} no contiene ninguna página web: no tiene ninguna parte de tipo text/html.</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <location filename="../../app/ui/article/page_header.py" line="43"/>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/page_header.py" line="44"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/page_header.py" line="48"/>
        <source>Authors and date</source>
        <translation>Autores y fecha</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/page_header.py" line="49"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/page_header.py" line="117"/>
        <source>{names} and {last}</source>
        <translation>{names} y {last}</translation>
    </message>
    <message>
        <location filename="../../app/ui/article/page_header.py" line="120"/>
        <source>By {authors}</source>
        <translation>Por {authors}</translation>
    </message>
</context>
<context>
    <name>PasteArticle</name>
    <message>
        <location filename="../../app/ui/paste_article.py" line="43"/>
        <source>Save the New Article</source>
        <translation>Guardar el artículo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="45"/>
        <source>Markdown articles (*.md)</source>
        <translation>Artículos Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="53"/>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="104"/>
        <source>Slant could not read the clipboard</source>
        <translation>Slant no pudo leer el portapapeles</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="109"/>
        <source>The clipboard holds no text. Select an article&apos;s text in your browser, copy it (Ctrl+C), then try again.</source>
        <translation>El portapapeles no tiene texto. Selecciona el texto de un artículo en tu navegador, cópialo (Ctrl+C) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="136"/>
        <source>Replace the existing file?</source>
        <translation>¿Reemplazar el archivo existente?</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="137"/>
        <source>{file} is already in {folder}. Replace it?</source>
        <translation>{file} ya está en {folder}. ¿Quieres reemplazarlo?</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="140"/>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="149"/>
        <source>Slant could not save the new article</source>
        <translation>Slant no pudo guardar el artículo nuevo</translation>
    </message>
    <message>
        <location filename="../../app/ui/paste_article.py" line="150"/>
        <source>{file} could not be written in {folder} ({reason}). Save it in a folder of your own, such as your Documents folder.</source>
        <translation>No se pudo escribir {file} en {folder} ({reason}). Guárdalo en una carpeta tuya, como tu carpeta Documentos.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="41"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="42"/>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="45"/>
        <location filename="../../app/ui/dialogs/preferences.py" line="51"/>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="46"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="47"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="84"/>
        <source>Choose a Tag Set</source>
        <translation>Elegir un conjunto de etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="86"/>
        <source>Tag sets (*.json);;All files (*)</source>
        <translation>Conjuntos de etiquetas (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="173"/>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="181"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="215"/>
        <location filename="../../app/ui/dialogs/preferences.py" line="216"/>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="218"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="221"/>
        <source>Article font</source>
        <translation>Letra del artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="222"/>
        <source>Slant&apos;s reading font (serif)</source>
        <translation>La letra de lectura de Slant (con serifa)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="230"/>
        <source>Article font size</source>
        <translation>Tamaño de la letra del artículo</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="232"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="234"/>
        <source>Automatic ({size} pt, follows the system)</source>
        <translation>Automático ({size} pt, como el sistema)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="240"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="243"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="247"/>
        <source>None: Slant&apos;s four tags</source>
        <translation>Ninguno: las cuatro etiquetas de Slant</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="249"/>
        <source>Default tag set file</source>
        <translation>Archivo del conjunto de etiquetas por defecto</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="251"/>
        <location filename="../../app/ui/dialogs/preferences.py" line="265"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="253"/>
        <source>Choose a tag set file</source>
        <translation>Elige un archivo de conjunto de etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="262"/>
        <source>Folder for fallback saves</source>
        <translation>Carpeta de reserva para guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="267"/>
        <source>Choose the folder for fallback saves</source>
        <translation>Elige la carpeta de reserva para guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="273"/>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="276"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="279"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="284"/>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="287"/>
        <source>&amp;Article font:</source>
        <translation>&amp;Letra del artículo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="288"/>
        <source>Font &amp;size:</source>
        <translation>&amp;Tamaño de letra:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="289"/>
        <source>&amp;Theme:</source>
        <translation>T&amp;ema:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="290"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="298"/>
        <source>The tag guide switches at once; menus and panels use the new language the next time Slant starts.</source>
        <translation>La guía de etiquetas cambia al momento; los menús y paneles usarán el nuevo idioma la próxima vez que abras Slant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="308"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="310"/>
        <source>&amp;Default tag set:</source>
        <translation>Etiquetas &amp;por defecto:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="314"/>
        <source>&amp;Fallback folder:</source>
        <translation>Carpeta de reser&amp;va:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="320"/>
        <source>Annotations go there when the article&apos;s own folder cannot be written.</source>
        <translation>Las anotaciones se guardan allí cuando no se puede escribir en la carpeta del artículo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="342"/>
        <source>Folder for Fallback Saves</source>
        <translation>Carpeta de reserva para guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="351"/>
        <source>New annotation files use Slant&apos;s four tags.</source>
        <translation>Los archivos de anotaciones nuevos usan las cuatro etiquetas de Slant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="371"/>
        <source>The default tag set cannot be used: {error}</source>
        <translation>No se puede usar el conjunto de etiquetas por defecto: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="378"/>
        <source>The fallback folder must be a full path, like {example}.</source>
        <translation>La carpeta de reserva tiene que ser una ruta completa, como {example}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/preferences.py" line="382"/>
        <source>The fallback folder {path} is a file, not a folder.</source>
        <translation>La carpeta de reserva {path} es un archivo, no una carpeta.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="219"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="221"/>
        <source>(small numbers after a highlight point to the notes at the end)</source>
        <translation>(los números pequeños tras un resaltado remiten a las notas del final)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="245"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="252"/>
        <source>No annotations yet.</source>
        <translation>Aún no hay anotaciones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="275"/>
        <source>1 annotation no longer matches the text and is not shown.</source>
        <translation>1 anotación ya no coincide con el texto y no se muestra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="279"/>
        <source>{count} annotations no longer match the text and are not shown.</source>
        <translation>{count} anotaciones ya no coinciden con el texto y no se muestran.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="320"/>
        <source>Annotated by {name}</source>
        <translation>Anotado por {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="456"/>
        <source>{path}: cannot write the PDF ({reason})</source>
        <translation>{path}: no se puede escribir el PDF ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="464"/>
        <source>{path}: the PDF could not be written</source>
        <translation>{path}: no se pudo escribir el PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="475"/>
        <source>Print the Annotated Article</source>
        <translation>Imprimir el artículo anotado</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="490"/>
        <source>Export as PDF</source>
        <translation>Exportar como PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="492"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="512"/>
        <source>Open an article first, then print it.</source>
        <translation>Primero abre un artículo y luego imprímelo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="527"/>
        <source>Printing failed</source>
        <translation>No se pudo imprimir</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="528"/>
        <source>The printer reported an error.</source>
        <translation>La impresora ha dado un error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="537"/>
        <source>Open an article first, then export it.</source>
        <translation>Primero abre un artículo y luego expórtalo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="553"/>
        <source>Slant could not export the PDF</source>
        <translation>Slant no pudo exportar el PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/printing.py" line="557"/>
        <source>Saved the annotated article as {path}.</source>
        <translation>Has guardado el artículo anotado como {path}.</translation>
    </message>
</context>
<context>
    <name>SaveState</name>
    <message>
        <location filename="../../app/ui/editing/document.py" line="36"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="37"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="38"/>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/document.py" line="39"/>
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="114"/>
        <source>it is too big for a settings file (over {limit} KB)</source>
        <translation>es demasiado grande para un archivo de preferencias (más de {limit} KB)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="117"/>
        <source>it is not a regular file (a folder, pipe or device)</source>
        <translation>no es un archivo normal (una carpeta, una tubería o un dispositivo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="120"/>
        <source>it cannot be read ({error})</source>
        <translation>no se puede leer ({error})</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="125"/>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="127"/>
        <source>it is not valid JSON (line {line})</source>
        <translation>no es JSON válido (línea {line})</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="130"/>
        <source>it is nested too deeply</source>
        <translation>está anidado a demasiada profundidad</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="132"/>
        <source>it holds a number too long to read</source>
        <translation>contiene un número demasiado largo para leerlo</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="134"/>
        <source>it holds no settings</source>
        <translation>no contiene preferencias</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="140"/>
        <source>Your settings file {path} could not be used: {reason}. Slant used its default settings.</source>
        <translation>No se pudo usar tu archivo de preferencias {path}: {reason}. Slant usó sus ajustes predeterminados.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="149"/>
        <source>Your settings file {path} could not be used: {reason}. Slant started with its default settings. The file could not be set aside ({error}): it will be replaced when a setting is saved.</source>
        <translation>No se pudo usar tu archivo de preferencias {path}: {reason}. Slant empezó con sus ajustes predeterminados. El archivo no se pudo apartar ({error}): se reemplazará cuando se guarde una preferencia.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="156"/>
        <source>Your settings file {path} could not be used: {reason}. Slant started with its default settings and kept the file as {copy}.</source>
        <translation>No se pudo usar tu archivo de preferencias {path}: {reason}. Slant empezó con sus ajustes predeterminados y guardó el archivo como {copy}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="303"/>
        <source>Your settings could not be saved to {path} ({reason}).</source>
        <translation>No se pudieron guardar tus ajustes en {path} ({reason}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="30"/>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="35"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="37"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="37"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="24"/>
        <source>No annotations yet.

Select some words in the article, then press {keys} — or click a tag above.</source>
        <translation>Aún no hay anotaciones.

Selecciona unas palabras del artículo y pulsa {keys}, o haz clic en una etiqueta de arriba.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="29"/>
        <source>No annotations with this tag yet.</source>
        <translation>Aún no hay anotaciones con esta etiqueta.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="81"/>
        <source>Select words in the article, then press a number key or click a tag.</source>
        <translation>Selecciona palabras del artículo y pulsa una tecla de número o haz clic en una etiqueta.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="88"/>
        <source>Show annotations with tag</source>
        <translation>Mostrar anotaciones con la etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="99"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="115"/>
        <source>Tag the selection</source>
        <translation>Etiqueta la selección</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="173"/>
        <source>All tags</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="275"/>
        <source>Change &amp;Tag To</source>
        <translation>Cambiar &amp;etiqueta a</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="342"/>
        <source>ANSWER KEY</source>
        <translation>CLAVE DE RESPUESTAS</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="344"/>
        <source>YOUR ANNOTATIONS</source>
        <translation>TUS ANOTACIONES</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar.py" line="349"/>
        <source>{shown} of {total}</source>
        <translation>{shown} de {total}</translation>
    </message>
</context>
<context>
    <name>SidecarErrors</name>
    <message>
        <location filename="../../app/core/sidecar.py" line="85"/>
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="87"/>
        <source>this is a folder, not a sidecar file</source>
        <translation>es una carpeta, no un archivo de anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="95"/>
        <source>this is not a Slant annotations file (it holds {kind})</source>
        <translation>no es un archivo de anotaciones de Slant (contiene {kind})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="113"/>
        <source>a problem in the tag set: {problem}</source>
        <translation>hay un problema en el conjunto de etiquetas: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="148"/>
        <source>the file is too big: it is over {limit} MB, the most Slant reads</source>
        <translation>el archivo es demasiado grande: ocupa más de {limit} MB, lo máximo que lee Slant</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="141"/>
        <source>this is not a Slant annotations file (&apos;format&apos; is not {name})</source>
        <translation>no es un archivo de anotaciones de Slant (&apos;format&apos; no es {name})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="147"/>
        <source>the format version is {kind}, but it must be a whole number</source>
        <translation>la versión del formato es {kind}, pero tiene que ser un número entero</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="152"/>
        <source>was written by a newer version of Slant (format version {version}); update Slant to open it</source>
        <translation>se escribió con una versión más nueva de Slant (versión de formato {version}); actualiza Slant para abrirlo</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="159"/>
        <source>the format version {version} does not exist; versions start at 1</source>
        <translation>la versión de formato {version} no existe; las versiones empiezan en 1</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="395"/>
        <source>{what} has a &apos;{name}&apos; that is {kind}, but it must be true/false</source>
        <translation>en {what}, &apos;{name}&apos; es {kind}, pero tiene que ser true o false</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="422"/>
        <source>the author&apos;s role is {role}, but it must be &apos;student&apos; or &apos;teacher&apos;</source>
        <translation>el rol del autor es {role}, pero tiene que ser &apos;student&apos; o &apos;teacher&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="178"/>
        <source>annotation {number} has the same id as annotation {first} ({id}); ids must be unique</source>
        <translation>la anotación {number} tiene el mismo id que la anotación {first} ({id}); cada id tiene que ser único</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="365"/>
        <location filename="../../app/core/sidecar_validation.py" line="203"/>
        <source>annotation {number}</source>
        <translation>la anotación {number}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="307"/>
        <source>annotation {number} uses the tag {tag}, which is not in the file&apos;s tag set</source>
        <translation>la anotación {number} usa la etiqueta {tag}, que no está en el conjunto de etiquetas del archivo</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="313"/>
        <source>annotation {number} has end {end} before start {start}</source>
        <translation>la anotación {number} termina (&apos;end&apos;: {end}) antes de empezar (&apos;start&apos;: {start})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="318"/>
        <source>annotation {number} is empty (start and end are both {start})</source>
        <translation>la anotación {number} está vacía (&apos;start&apos; y &apos;end&apos; valen {start})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="323"/>
        <source>annotation {number} ends at {end}, after the end of the article ({length} characters)</source>
        <translation>la anotación {number} termina en {end}, después del final del artículo ({length} caracteres)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="329"/>
        <source>annotation {number} quotes {quoted} characters but spans {span} ({start} to {end})</source>
        <translation>la anotación {number} cita {quoted} caracteres, pero abarca {span} (de {start} a {end})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="103"/>
        <source>this is a link to another file; Slant neither reads nor writes annotations through a link</source>
        <translation>es un enlace a otro archivo; Slant no lee ni escribe anotaciones a través de un enlace</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="108"/>
        <source>this is not an ordinary file (it is a device, a pipe or a socket)</source>
        <translation>no es un archivo normal (es un dispositivo, una tubería o un socket)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="197"/>
        <source>deleted-annotation record {number} in &apos;tombstones&apos; repeats the id {id}</source>
        <translation>el registro {number} de anotaciones borradas en &apos;tombstones&apos; repite el id {id}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="368"/>
        <source>deleted-annotation record {number} in &apos;tombstones&apos;</source>
        <translation>el registro {number} de anotaciones borradas en &apos;tombstones&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="172"/>
        <source>the file says the article is {recorded} characters long, but it is {length}</source>
        <translation>el archivo dice que el artículo tiene {recorded} caracteres, pero tiene {length}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="189"/>
        <source>annotation {number} quotes {quote}, but the article says {found} there</source>
        <translation>la anotación {number} cita {quote}, pero en ese lugar el artículo dice {found}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="285"/>
        <location filename="../../app/core/sidecar.py" line="291"/>
        <source>the annotations could not be saved: {reason}</source>
        <translation>no se pudieron guardar las anotaciones: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="275"/>
        <source>the annotations could not be saved: the file would be over {limit} MB, the most Slant reads; shorten or delete some notes</source>
        <translation>no se pudieron guardar las anotaciones: el archivo pasaría de {limit} MB, lo máximo que Slant lee; acorta o borra algunas notas</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="299"/>
        <source>you are not allowed to open it</source>
        <translation>no tienes permiso para abrirlo</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="302"/>
        <source>the file cannot be read ({reason})</source>
        <translation>no se puede leer el archivo ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="307"/>
        <source>Slant is not allowed to write in that folder</source>
        <translation>Slant no tiene permiso para escribir en esa carpeta</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="309"/>
        <source>the folder is read-only</source>
        <translation>la carpeta es de solo lectura</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="312"/>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="313"/>
        <source>your storage quota is full</source>
        <translation>tu cuota de almacenamiento está llena</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="314"/>
        <source>the folder does not exist (any more)</source>
        <translation>la carpeta no existe (o ya no existe)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="315"/>
        <source>the file name is too long</source>
        <translation>el nombre del archivo es demasiado largo</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="316"/>
        <source>there is a folder with that name</source>
        <translation>hay una carpeta con ese nombre</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="317"/>
        <source>the disk reported an error</source>
        <translation>el disco ha dado un error</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar.py" line="318"/>
        <source>the file is a link to another file, which Slant does not follow</source>
        <translation>el archivo es un enlace a otro archivo, y Slant no lo sigue</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="55"/>
        <source>the file</source>
        <translation>el archivo</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="66"/>
        <source>the file is empty, so it holds no annotations</source>
        <translation>el archivo está vacío, así que no tiene anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="70"/>
        <source>this is not a text file Slant can read (it contains binary data)</source>
        <translation>no es un archivo de texto que Slant pueda leer (contiene datos binarios)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="83"/>
        <source>this is not a text file Slant can read: byte {byte} is not UTF-8 text</source>
        <translation>no es un archivo de texto que Slant pueda leer: el byte {byte} no es texto UTF-8</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="93"/>
        <source>the file ends in the middle of the data; it may have been cut off</source>
        <translation>el archivo termina en mitad de los datos; puede que se haya cortado</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="113"/>
        <source>unexpected text</source>
        <translation>texto inesperado</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="114"/>
        <source>a number JSON cannot hold</source>
        <translation>un número que JSON no admite</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="115"/>
        <source>a &apos;:&apos; is missing after a name</source>
        <translation>falta &apos;:&apos; después de un nombre</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="116"/>
        <source>a &apos;,&apos; or &apos;}&apos; is missing</source>
        <translation>falta &apos;,&apos; o &apos;}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="117"/>
        <source>a &apos;,&apos; or &apos;]&apos; is missing</source>
        <translation>falta &apos;,&apos; o &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="118"/>
        <source>a &apos;,&apos; before a &apos;}&apos;</source>
        <translation>una &apos;,&apos; antes de &apos;}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="119"/>
        <source>a &apos;,&apos; before a &apos;]&apos;</source>
        <translation>una &apos;,&apos; antes de &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="120"/>
        <source>a name that is not in double quotes</source>
        <translation>un nombre que no está entre comillas dobles</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="123"/>
        <source>a backslash that JSON does not allow</source>
        <translation>una barra invertida (\) que JSON no admite</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="126"/>
        <source>more text after the end of the data</source>
        <translation>más texto después del final de los datos</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="141"/>
        <source>half of a UTF-16 character pair ({code}), which is not text</source>
        <translation>medio par de caracteres UTF-16 ({code}), que no es texto</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="163"/>
        <source>the file contains a number that is too big</source>
        <translation>el archivo contiene un número demasiado grande</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="173"/>
        <source>the file holds too many values (more than {limit:,} commas and brackets), more than any annotations file Slant writes</source>
        <translation>el archivo contiene demasiados valores (más de {limit} comas y corchetes), más que cualquier archivo de anotaciones que escriba Slant</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="212"/>
        <source>{what} holds half of a UTF-16 character pair ({code}), which is not text</source>
        <translation>{what} contiene medio par de caracteres UTF-16 ({code}), que no es texto</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="217"/>
        <source>{what} has a &apos;{name}&apos; holding half of a UTF-16 character pair ({code}), which is not text</source>
        <translation>{what} tiene un &apos;{name}&apos; que contiene medio par de caracteres UTF-16 ({code}), que no es texto</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="103"/>
        <source>the file is damaged: it is not valid JSON (line {line}, column {column}: {problem})</source>
        <translation>el archivo está dañado: no es JSON válido (línea {line}, columna {column}: {problem})</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="468"/>
        <source>the file is nested too deeply to be read (too many brackets inside brackets)</source>
        <translation>el archivo tiene demasiados niveles anidados para poder leerlo (demasiados corchetes dentro de corchetes)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="159"/>
        <source>the file contains a number that is too big ({digits}...)</source>
        <translation>el archivo contiene un número demasiado grande ({digits}...)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="233"/>
        <source>empty (null)</source>
        <translation>un valor vacío (null)</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="235"/>
        <source>true/false</source>
        <translation>un valor verdadero o falso</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="237"/>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="239"/>
        <source>a decimal number</source>
        <translation>un número decimal</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="241"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="243"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_validation.py" line="244"/>
        <source>a group of named values</source>
        <translation>un grupo de valores con nombre</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="441"/>
        <source>{what} is {kind}, but it must be a group of named values</source>
        <translation>{what} es {kind}, pero tiene que ser un grupo de valores con nombre</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="439"/>
        <source>{what} is {kind}, but it must be a list</source>
        <translation>{what} es {kind}, pero tiene que ser una lista</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="383"/>
        <location filename="../../app/core/sidecar_reading.py" line="462"/>
        <source>{what} is missing its &apos;{name}&apos;</source>
        <translation>falta &apos;{name}&apos; en {what}</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="391"/>
        <source>{what} has a &apos;{name}&apos; that is {kind}, but it must be text</source>
        <translation>en {what}, &apos;{name}&apos; es {kind}, pero tiene que ser texto</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="405"/>
        <source>{what} has an empty &apos;{name}&apos;</source>
        <translation>en {what}, &apos;{name}&apos; está vacío</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="410"/>
        <source>{what} has a &apos;{name}&apos; longer than {max_length:,} characters</source>
        <translation>en {what}, &apos;{name}&apos; tiene más de {max_length} caracteres</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="399"/>
        <source>{what} has a &apos;{name}&apos; that is {kind}, but it must be a whole number</source>
        <translation>en {what}, &apos;{name}&apos; es {kind}, pero tiene que ser un número entero</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="415"/>
        <source>{what} has a negative &apos;{name}&apos; ({value}); it must be 0 or more</source>
        <translation>en {what}, &apos;{name}&apos; es negativo ({value}); tiene que ser 0 o más</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="351"/>
        <source>{what} has a &apos;{name}&apos; of {value}, which is not a time like 2026-03-01T14:05:00.000Z</source>
        <translation>en {what}, &apos;{name}&apos; vale {value}, que no es una fecha y hora como 2026-03-01T14:05:00.000Z</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="427"/>
        <source>{what} has a &apos;{name}&apos; that is not 64 hexadecimal digits</source>
        <translation>en {what}, &apos;{name}&apos; no tiene 64 dígitos hexadecimales</translation>
    </message>
    <message>
        <location filename="../../app/core/sidecar_reading.py" line="273"/>
        <source>{what} has a member &apos;{key}&apos; that is nested too deeply</source>
        <translation>en {what}, el elemento &apos;{key}&apos; tiene demasiados niveles anidados</translation>
    </message>
    <message>
        <location filename="../../app/core/store.py" line="276"/>
        <source>{error} Saving a copy to {fallback} failed too: {reason}</source>
        <translation>{error} Tampoco se pudo guardar una copia en {fallback}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/store.py" line="397"/>
        <source>could not keep a copy of the broken file ({reason})</source>
        <translation>no se pudo guardar una copia del archivo dañado ({reason})</translation>
    </message>
</context>
<context>
    <name>SidecarSafety</name>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="186"/>
        <source>{file} was written by a newer version of Slant; update Slant to edit these annotations.</source>
        <translation>{file} se escribió con una versión más nueva de Slant; actualiza Slant para editar estas anotaciones.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="190"/>
        <source>{reason} Slant shows the article without them and leaves the file as it is.</source>
        <translation>{reason} Slant muestra el artículo sin ellas y deja el archivo como está.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="208"/>
        <source>{count} added</source>
        <translation>{count} añadidas</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="209"/>
        <source>{count} updated</source>
        <translation>{count} actualizadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="210"/>
        <source>{count} deleted</source>
        <translation>{count} borradas</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="214"/>
        <source>no differences</source>
        <translation>sin diferencias</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="87"/>
        <source>{file} is not an ordinary file (it is a link, a folder or a device), so Slant does not read it and leaves it as it is.</source>
        <translation>{file} no es un archivo normal (es un enlace, una carpeta o un dispositivo), así que Slant no lo lee y lo deja como está.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="102"/>
        <source>Your annotations file {file} could not be read: it is damaged or it is not a Slant file. Slant keeps a copy of it as {copy}.</source>
        <translation>No se pudo leer tu archivo de anotaciones {file}: está dañado o no es un archivo de Slant. Slant guarda una copia como {copy}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="155"/>
        <source>Slant shows the annotations from {file} and saves new ones you make there.</source>
        <translation>Slant muestra las anotaciones de {file} y guarda ahí las nuevas que hagas.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="160"/>
        <source>Slant shows the annotations from {file}. New ones you make are saved to {new_file}, which replaces the damaged file.</source>
        <translation>Slant muestra las anotaciones de {file}. Las nuevas que hagas se guardan en {new_file}, que sustituye al archivo dañado.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="166"/>
        <source>Slant shows the annotations from {file}. New ones you make are saved to {new_file}.</source>
        <translation>Slant muestra las anotaciones de {file}. Las nuevas que hagas se guardan en {new_file}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="171"/>
        <source>Slant starts with no annotations. New ones you make are saved to {new_file}, which replaces the damaged file.</source>
        <translation>Slant empieza sin anotaciones. Las nuevas que hagas se guardan en {new_file}, que sustituye al archivo dañado.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="177"/>
        <source>Slant starts with no annotations. New ones you make are saved to {new_file}.</source>
        <translation>Slant empieza sin anotaciones. Las nuevas que hagas se guardan en {new_file}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="278"/>
        <source>Your annotations for this article are kept in {path}.</source>
        <translation>Tus anotaciones de este artículo se guardan en {path}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="291"/>
        <source>Found a copy made by a sync service (Dropbox/OneDrive). Merge its annotations into this file?</source>
        <translation>Se ha encontrado una copia hecha por un servicio de sincronización (Dropbox/OneDrive). ¿Quieres combinar sus anotaciones con este archivo?</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="297"/>
        <source>Found {count} copies made by a sync service (Dropbox/OneDrive). Merge their annotations into this file?</source>
        <translation>Se han encontrado {count} copias hechas por un servicio de sincronización (Dropbox/OneDrive). ¿Quieres combinar sus anotaciones con este archivo?</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="303"/>
        <source>Merged copies are renamed to end in “.merged-” and the time, so they are not offered again. Nothing is deleted.</source>
        <translation>Las copias combinadas se renombran para que terminen en «.merged-» y la hora, así no se vuelven a ofrecer. No se borra nada.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="309"/>
        <source>Merge Copies?</source>
        <translation>¿Combinar las copias?</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="310"/>
        <source>Merge</source>
        <translation>Combinar</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="324"/>
        <source>Skipped {file}: {reason}.</source>
        <translation>Se omitió {file}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="338"/>
        <source>The copies were left as they are until the merge is saved.</source>
        <translation>Las copias se dejaron como estaban hasta que se guarde la combinación.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="351"/>
        <source>{file} could not be renamed ({reason}).</source>
        <translation>No se pudo renombrar {file} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="357"/>
        <source>Merged 1 copy: {changes}.</source>
        <translation>Se combinó 1 copia: {changes}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="359"/>
        <source>Merged {count} copies: {changes}.</source>
        <translation>Se combinaron {count} copias: {changes}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="367"/>
        <source>Merged changes made elsewhere: {changes}.</source>
        <translation>Se combinaron cambios hechos en otro sitio: {changes}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="388"/>
        <source>The article&apos;s folder cannot be written, so your annotations are saved in {path}.</source>
        <translation>No se puede escribir en la carpeta del artículo, así que tus anotaciones se guardan en {path}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/editing/sidecar_safety.py" line="400"/>
        <source>Your annotations could not be saved: {reason} They are kept while Slant is open, and Slant keeps trying to save them.</source>
        <translation>No se pudieron guardar tus anotaciones: {reason} Se conservan mientras Slant esté abierto, y Slant sigue intentando guardarlas.</translation>
    </message>
</context>
<context>
    <name>SidecarWatcher</name>
    <message>
        <location filename="../../app/ui/editing/sidecar_watch.py" line="77"/>
        <source>{file} was changed by another program and cannot be read: {reason}. Your annotations are still here in Slant.</source>
        <translation>Otro programa cambió {file} y no se puede leer: {reason}. Tus anotaciones siguen aquí, en Slant.</translation>
    </message>
</context>
<context>
    <name>StudentExport</name>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="98"/>
        <location filename="../../app/core/exports/markdown_export.py" line="31"/>
        <source>Untitled article</source>
        <translation>Artículo sin título</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="99"/>
        <source>made with Slant</source>
        <translation>hecho con Slant</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="110"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="117"/>
        <source>Annotations not found in this text</source>
        <translation>Anotaciones que no están en este texto</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="118"/>
        <source>The article changed and these passages could not be found.</source>
        <translation>El artículo cambió y no se encontraron estos fragmentos.</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/feedback.py" line="122"/>
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/phrases.py" line="28"/>
        <source>1 annotation by {author}</source>
        <translation>1 anotación de {author}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/phrases.py" line="29"/>
        <source>{count} annotations by {author}</source>
        <translation>{count} anotaciones de {author}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/phrases.py" line="32"/>
        <source>1 annotation</source>
        <translation>1 anotación</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/phrases.py" line="33"/>
        <source>{count} annotations</source>
        <translation>{count} anotaciones</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/markdown_export.py" line="32"/>
        <source>Annotations: {title}</source>
        <translation>Anotaciones: {title}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/markdown_export.py" line="41"/>
        <source>characters {start}–{end}</source>
        <translation>caracteres {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/markdown_export.py" line="42"/>
        <source>not found in the current text</source>
        <translation>no está en el texto actual</translation>
    </message>
    <message>
        <location filename="../../app/core/exports/markdown_export.py" line="43"/>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
</context>
<context>
    <name>TagButton</name>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="71"/>
        <source>&lt;b&gt;{label}&lt;/b&gt; (key {key})&lt;br&gt;{description}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; (tecla {key})&lt;br&gt;{description}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="87"/>
        <source>Tag as {label}, key {key}</source>
        <translation>Etiquetar como {label}, tecla {key}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="89"/>
        <source>Tag as {label}</source>
        <translation>Etiquetar como {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar/sidebar_widgets.py" line="91"/>
        <source>{count} annotations. {description}</source>
        <translation>{count} anotaciones. {description}</translation>
    </message>
</context>
<context>
    <name>TagSetErrors</name>
    <message>
        <location filename="../../app/core/tags.py" line="124"/>
        <source>the tag set must be a JSON object</source>
        <translation>el conjunto de etiquetas tiene que ser un objeto JSON</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="127"/>
        <source>the tag set needs a non-empty &apos;name&apos;</source>
        <translation>el conjunto de etiquetas necesita un &apos;name&apos; que no esté vacío</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="130"/>
        <source>the tag set needs a non-empty list &apos;tags&apos;</source>
        <translation>el conjunto de etiquetas necesita una lista &apos;tags&apos; que no esté vacía</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="132"/>
        <source>the tag set has {count} tags; a tag set holds at most {limit}</source>
        <translation>el conjunto de etiquetas tiene {count} etiquetas; un conjunto admite como máximo {limit}</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="155"/>
        <source>tag {number} must be a JSON object</source>
        <translation>la etiqueta {number} tiene que ser un objeto JSON</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="159"/>
        <source>tag {number} needs a text &apos;{member}&apos;</source>
        <translation>la etiqueta {number} necesita un texto en &apos;{member}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="164"/>
        <source>tag {number}: id {id} must be lower-case letters, digits and hyphens</source>
        <translation>etiqueta {number}: el id {id} solo puede tener letras minúsculas, cifras y guiones</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="169"/>
        <source>tag {number}: id {id} is used twice</source>
        <translation>etiqueta {number}: el id {id} se usa dos veces</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="172"/>
        <source>tag {number}: color {color} must look like #RRGGBB</source>
        <translation>etiqueta {number}: el color {color} tiene que tener la forma #RRGGBB</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="175"/>
        <source>tag {number}: key must be a single character or empty</source>
        <translation>etiqueta {number}: la tecla (&apos;key&apos;) tiene que ser un solo carácter o estar vacía</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="178"/>
        <source>tag {number}: key {key} is used twice</source>
        <translation>etiqueta {number}: la tecla {key} se usa dos veces</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="182"/>
        <source>tag {number}: &apos;guide&apos; must be a JSON object</source>
        <translation>etiqueta {number}: &apos;guide&apos; tiene que ser un objeto JSON</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="187"/>
        <source>tag {number}: &apos;guide&apos; is nested more than {levels} levels deep</source>
        <translation>etiqueta {number}: &apos;guide&apos; está anidado a más de {levels} niveles de profundidad</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="205"/>
        <source>the file is too big for a tag set (over {limit} KB)</source>
        <translation>el archivo es demasiado grande para un conjunto de etiquetas (más de {limit} KB)</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="208"/>
        <source>this is not a regular file (a folder, pipe or device)</source>
        <translation>no es un archivo normal (una carpeta, una tubería o un dispositivo)</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="211"/>
        <source>cannot read the tag set ({reason})</source>
        <translation>no se puede leer el conjunto de etiquetas ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="217"/>
        <source>the tag set is nested too deeply to be read</source>
        <translation>el conjunto de etiquetas está anidado a demasiada profundidad para leerlo</translation>
    </message>
    <message>
        <location filename="../../app/core/tags.py" line="220"/>
        <source>the tag set is not valid JSON ({reason})</source>
        <translation>el conjunto de etiquetas no es JSON válido ({reason})</translation>
    </message>
</context>
<context>
    <name>ZipMembers</name>
    <message>
        <location filename="../../app/core/zip_members.py" line="105"/>
        <source>a zip inside a zip inside the zip is not read</source>
        <translation>un zip dentro de otro zip dentro del zip no se lee</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="127"/>
        <source>a zip inside the zip that cannot be read ({reason})</source>
        <translation>un zip dentro del zip que no se puede leer ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="140"/>
        <source>encrypted (password-protected): not read</source>
        <translation>cifrado (protegido con contraseña): no se lee</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="142"/>
        <source>too big: {size} MB, over the {limit} MB read</source>
        <translation>demasiado grande: {size} MB, más de los {limit} MB que se leen</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="145"/>
        <source>compressed over {ratio} times (a zip bomb, or damaged): not read</source>
        <translation>comprimido más de {ratio} veces (una bomba zip o un archivo dañado): no se lee</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="150"/>
        <source>not read: the zip&apos;s files add up to more than {limit} MB</source>
        <translation>no se lee: los archivos del zip suman más de {limit} MB</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="169"/>
        <source>cannot be read from the zip ({reason})</source>
        <translation>no se puede leer del zip ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="172"/>
        <source>larger than its size in the zip says: not read</source>
        <translation>más grande de lo que indica su tamaño en el zip: no se lee</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="186"/>
        <source>{path}: the zip lists {count} files, more than the {limit} Slant reads</source>
        <translation>{path}: el zip contiene {count} archivos, más de los {limit} que lee Slant</translation>
    </message>
    <message>
        <location filename="../../app/core/zip_members.py" line="225"/>
        <source>{path}: not a zip file Slant can read ({reason})</source>
        <translation>{path}: no es un archivo zip que Slant pueda leer ({reason})</translation>
    </message>
</context>
</TS>
