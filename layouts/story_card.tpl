{{%AUTOESCAPE context="HTML"}}{{! A story in a list: title, date, place, summary. }}<article class="kaart">
  <h3 class="kaart-titel"><a href="{{URL}}">{{TITEL}}</a></h3>
  <p class="kaart-meta"><time datetime="{{DATUM_ISO}}">{{DATUM}}</time>{{#KERN}} · {{KERN}}{{/KERN}}{{#AUTEUR}} · {{AUTEUR}}{{/AUTEUR}}</p>
  <p>{{SAMENVATTING}}</p>
</article>
