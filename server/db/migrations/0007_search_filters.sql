CREATE INDEX "knowledge_items_kind_idx" ON "knowledge_items" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "knowledge_items_region_idx" ON "knowledge_items" USING btree ("region");--> statement-breakpoint
CREATE INDEX "knowledge_items_size_class_idx" ON "knowledge_items" USING btree ("size_class");--> statement-breakpoint
CREATE INDEX "knowledge_items_places_idx" ON "knowledge_items" USING gin ("places");--> statement-breakpoint
CREATE INDEX "knowledge_items_trends_idx" ON "knowledge_items" USING gin ("trends");--> statement-breakpoint
CREATE INDEX "knowledge_items_themes_idx" ON "knowledge_items" USING gin ("themes");