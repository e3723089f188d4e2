import { pullBlogScenario, pullScenarios } from "./pull-scenarios";

pullScenarios("postgres");
pullBlogScenario("postgres");
