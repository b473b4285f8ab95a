{{%AUTOESCAPE context="HTML"}}{{! An activity in a list: title, schedule, place, next date. }}<article class="kaart">
  <h3 class="kaart-titel"><a href="{{URL}}">{{TITEL}}</a></h3>
  <p class="kaart-meta">{{SCHEMA}}</p>
  <p>{{LOCATIE}} · {{KERN}}{{#VOLGENDE}} · eerstvolgende keer: <time datetime="{{DATUM_ISO}}">{{DATUM}}</time>{{/VOLGENDE}}</p>
</article>
