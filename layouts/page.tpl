{{%AUTOESCAPE context="HTML"}}{{! A plain page. }}<article class="pagina">
  <h1>{{TITEL}}</h1>
  <div class="tekst">
{{BODY:none}}
  </div>
</article>
