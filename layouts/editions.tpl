{{%AUTOESCAPE context="HTML"}}{{! The archive of the Journaal. }}<h1>{{NAAM}}</h1>
<p class="inleiding">{{INTRO}}</p>
<ul class="lijst archief">
{{#EDITION}}  <li><a href="{{URL}}">{{NAAM}}, editie {{NR}}</a> · <time datetime="{{DATUM_ISO}}">{{DATUM}}</time>{{#VERHAAL}}: {{TITEL}}{{/VERHAAL}}</li>
{{/EDITION}}</ul>
